/**
 * Daktela web chat's external-bot protocol: the inbound endpoint (token check, decoding), the client that answers on
 * the chats' {@code response_url}s through Feign, and {@link io.deskbridge.daktela.internal.chat.DaktelaChatWire},
 * the one class that knows the protocol's old and unverified wire shapes.
 */
package io.deskbridge.daktela.internal.chat;
