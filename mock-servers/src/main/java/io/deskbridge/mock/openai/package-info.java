/**
 * A thread-safe fake of an OpenAI-compatible chat-completions endpoint ({@code POST /v1/chat/completions}) on WireMock:
 * scripted answers, an adversarial mode that misbehaves the way a model can, and 429/5xx/timeout injection.
 */
package io.deskbridge.mock.openai;
