/** What a vendor module implements, found by ServiceLoader; nothing else lives here. */
package io.deskbridge.core.spi;
