package io.deskbridge.core.conversation;

/** Who wrote a message. */
public enum AuthorRole {
  CUSTOMER,
  BOT,
  AGENT,
  SYSTEM
}
