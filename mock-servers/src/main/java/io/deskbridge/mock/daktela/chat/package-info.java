/**
 * A stateful, thread-safe fake of Daktela web chat's external-bot protocol on WireMock: customers' messages POSTed to
 * the bot with a {@code response_url}, and the bot's answers (texts, quick replies, buttons, {@code transfer} to a
 * queue) recorded or refused. The wire shapes are old and unverified ({@link
 * io.deskbridge.mock.daktela.chat.DaktelaChatWire}).
 */
package io.deskbridge.mock.daktela.chat;
