/**
 * What installers share: {@link io.deskbridge.core.install.GeneratedFile}, a file written only when missing or
 * different. The entry points ({@code install}, {@code uninstall}, the check {@code doctor} runs) are
 * {@link io.deskbridge.core.Installs}.
 */
package io.deskbridge.core.install;
