package io.deskbridge.mock.zendesk;

/**
 * One attempt to deliver a webhook request.
 *
 * @param eventId the envelope {@code id} for event webhooks; for trigger webhooks (whose body has no
 *     event id) a fake-internal id, usable with {@link ZendeskFake#redeliver(String)}
 * @param invocationId the {@code x-zendesk-webhook-invocation-id}; retries keep it, duplicates and
 *     redeliveries get a new one
 * @param attempt 1 for the first try, then 2, 3, ... for retries of the same invocation
 * @param statusCode the receiver's HTTP status, or -1 when no response came (timeout, refused)
 * @param body the exact request body sent
 */
public record DeliveryRecord(String webhookId, String eventId, long invocationId, int attempt,
    int statusCode, String body) {}
