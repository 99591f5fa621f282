package io.deskbridge.core.conversation;

/** Whether the customer can see a message. */
public enum Visibility {
  PUBLIC,
  INTERNAL
}
