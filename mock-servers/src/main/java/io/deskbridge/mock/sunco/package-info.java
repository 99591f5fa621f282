/**
 * A stateful, thread-safe fake of Sunshine Conversations (Zendesk messaging) on WireMock: conversations, messages,
 * typing activities, the switchboard and its control actions, and batched {@code X-API-Key} webhooks with SunCo's
 * retry policy.
 */
package io.deskbridge.mock.sunco;
