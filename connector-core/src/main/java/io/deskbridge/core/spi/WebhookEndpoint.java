package io.deskbridge.core.spi;

import io.deskbridge.core.webhook.InboundEvent;
import io.deskbridge.core.webhook.WebhookRejectedException;
import io.deskbridge.core.webhook.WebhookRequest;
import io.deskbridge.core.webhook.WebhookResponse;
import java.util.List;

/**
 * The vendor's part of webhook handling. Core owns the entry point: it calls {@link #verify}, then
 * {@link #decode}, stores the events, and only then answers with {@link #acknowledge}; a refused request is
 * answered with {@link #refuse}. Implementations make no network calls here and are thread-safe.
 */
public interface WebhookEndpoint {

  /**
   * Checks that the request comes from the vendor (signature, shared secret, organisation id, freshness).
   *
   * @throws WebhookRejectedException with status 401 when it is not authentic
   */
  void verify(WebhookRequest request);

  /**
   * Decodes an authentic request into events; an empty list means "nothing for the bot".
   *
   * @throws WebhookRejectedException with status 400 when the body cannot be understood
   */
  List<InboundEvent> decode(WebhookRequest request);

  /** The answer that tells the vendor the events were stored; the default is 200 with a small JSON body. */
  default WebhookResponse acknowledge(List<InboundEvent> events) {
    return WebhookResponse.ok();
  }

  /**
   * The answer to a refused request, in the vendor's own error format (a SOAP fault, say). Core calls it for
   * every refusal of a request to this installation: a {@link WebhookRejectedException} from {@link #verify} or
   * {@link #decode}, an unexpected failure of either (as 401 or 400), a body over the size limit (413). The
   * answer should keep the refusal's 4xx status and carry its reason, which holds no secret. The default is
   * {@link WebhookResponse#error}: the status with a small JSON body {@code {"error":"<reason>"}}.
   */
  default WebhookResponse refuse(WebhookRejectedException refusal) {
    return WebhookResponse.error(refusal.status(), refusal.getMessage());
  }

  /**
   * The acknowledgement of {@code request}'s events, for a vendor that answers in the request's own format (SOAP
   * or JSON, say). Core calls this one; the default is {@link #acknowledge(List)}.
   */
  default WebhookResponse acknowledge(WebhookRequest request, List<InboundEvent> events) {
    return acknowledge(events);
  }

  /**
   * The answer to a refusal of {@code request} (whose body may be empty, as for a body over the size limit), for a
   * vendor that answers in the request's own format. Core calls this one; the default is
   * {@link #refuse(WebhookRejectedException)}, whose contract it has.
   */
  default WebhookResponse refuse(WebhookRequest request, WebhookRejectedException refusal) {
    return refuse(refusal);
  }
}
