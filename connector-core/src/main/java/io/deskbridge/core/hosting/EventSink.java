package io.deskbridge.core.hosting;

import io.deskbridge.core.webhook.InboundEvent;
import java.util.List;

/** Where verified, decoded events go; it records them before returning. */
@FunctionalInterface
public interface EventSink {

  /**
   * Records events for an installation and queues them for processing.
   *
   * @return how many were new (not duplicates)
   */
  int accept(String installationId, List<InboundEvent> events);
}
