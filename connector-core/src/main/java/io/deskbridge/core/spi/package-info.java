/**
 * What a vendor module implements, found by ServiceLoader, and the small values and helpers it hands back (an
 * installer's {@link io.deskbridge.core.spi.InstallStep}s and {@link io.deskbridge.core.spi.GeneratedFile}s, a
 * knowledge source's {@link io.deskbridge.core.spi.KnowledgeCursor}); nothing else lives here.
 */
package io.deskbridge.core.spi;
