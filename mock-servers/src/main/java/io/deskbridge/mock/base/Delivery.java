package io.deskbridge.mock.base;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One webhook message a fake sends: to whom, what, and the headers of each attempt (computed per attempt, so a
 * signature can carry the attempt's time).
 *
 * @param target the fake's name of the subscription (a Zendesk webhook id, a Salesforce outbound message id)
 * @param messageId the message's own id (an event id, a notification id)
 * @param conversation the conversation the message is about (ordering key with {@code target}); may be empty
 * @param method the HTTP method; {@code GET} and {@code DELETE} carry no body
 * @param contentType the {@code Content-Type} of the body
 * @param body the exact body (also kept in each {@link DeliveryAttempt}); the first attempt's when {@code bodyAt} is set
 * @param headers the other headers of one attempt
 * @param bodyAt when not null, each attempt's body is computed at the attempt (Salesforce: the record's state at
 *     send time), and {@code body} is only a placeholder
 */
public record Delivery(String target, String messageId, String conversation, URI endpoint, String method,
    String contentType, byte[] body, Headers headers, Body bodyAt) {

  /** The body of one attempt, computed when it is sent. */
  @FunctionalInterface
  public interface Body {
    /** @param now the fake's clock at the attempt */
    byte[] at(Instant now);
  }

  /** A delivery whose every attempt sends the same {@code body}. */
  public Delivery(String target, String messageId, String conversation, URI endpoint, String method,
      String contentType, byte[] body, Headers headers) {
    this(target, messageId, conversation, endpoint, method, contentType, body, headers, null);
  }

  /** The headers of one attempt. */
  @FunctionalInterface
  public interface Headers {
    /**
     * @param invocationId the copy's id (retries of one copy keep it)
     * @param now the fake's clock at the attempt
     */
    Map<String, String> of(long invocationId, Instant now);
  }

  public Delivery {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(conversation, "conversation");
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(headers, "headers");
  }

  /** The body of an attempt at {@code now}. */
  byte[] bodyAt(Instant now) {
    return bodyAt == null ? body : bodyAt.at(now);
  }

  boolean hasBody() {
    return !"GET".equals(method) && !"DELETE".equals(method);
  }
}
