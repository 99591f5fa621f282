package io.deskbridge.core.store;

/** Remembers which webhook events were received, so a redelivery is recognised. Thread-safe. */
public interface Inbox {

  /**
   * Records an event id for an installation.
   *
   * @return true when it is new, false when it was received before (a duplicate)
   */
  boolean markReceived(String installationId, String eventId);
}
