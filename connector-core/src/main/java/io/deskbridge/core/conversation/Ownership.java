package io.deskbridge.core.conversation;

/** Who may write to a conversation: the bot writes only while it owns it. */
public enum Ownership {
  BOT,
  HUMAN
}
