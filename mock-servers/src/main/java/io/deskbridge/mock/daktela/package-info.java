/**
 * A stateful, thread-safe fake of the Daktela v6 REST API (tickets, activities, users, queues, categories, statuses)
 * on WireMock that also sends Events-module webhooks rendered from admin templates.
 */
package io.deskbridge.mock.daktela;
