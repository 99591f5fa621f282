package io.deskbridge.mock.zendesk;

import java.time.Duration;
import java.time.Instant;

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
 * @param ticketId the ticket the event is about
 * @param sentAt when the request was handed to the HTTP client (the fake's clock)
 * @param elapsed from handing the request to the HTTP client until its response (status and body)
 *     arrived or it failed, measured with {@link System#nanoTime()}: the receiver's acknowledgement
 *     latency as the sender sees it, including connection set-up and the sender's own queueing
 */
public record DeliveryRecord(String webhookId, String eventId, long invocationId, int attempt,
    int statusCode, String body, long ticketId, Instant sentAt, Duration elapsed) {}
