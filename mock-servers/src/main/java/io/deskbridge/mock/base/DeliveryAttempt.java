package io.deskbridge.mock.base;

import java.time.Duration;
import java.time.Instant;

/**
 * One attempt to deliver a {@link Delivery}.
 *
 * @param invocationId retries keep it; each copy (duplicate) has its own
 * @param attempt 1 for the first try of a copy, then 2, 3, ... for its retries
 * @param statusCode the receiver's HTTP status, or -1 when no response came (timeout, refused)
 * @param acknowledged whether the policy counts the answer as delivered
 * @param body the exact request body sent
 * @param sentAt when the request was handed to the HTTP client (the fake's clock)
 * @param elapsed from handing the request to the HTTP client until its response arrived or it failed, measured with
 *     {@link System#nanoTime()}
 */
public record DeliveryAttempt(String target, String messageId, String conversation, long invocationId, int attempt,
    int statusCode, boolean acknowledged, String body, Instant sentAt, Duration elapsed) {}
