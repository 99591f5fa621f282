/** Daktela REST API v6 calls through a Feign client over the JDK's HTTP client. */
package io.deskbridge.daktela.internal.client;
