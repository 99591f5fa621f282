package io.deskbridge.core.escalation;

import java.util.Locale;

/** Why the bot hands a conversation to a person. */
public enum HandoverReason {
  HUMAN_REQUEST,
  COMPLAINT,
  CANCELLATION,
  LEGAL,
  ANGER,
  SARCASM,
  LOW_CONFIDENCE,
  MAX_TURNS,
  LOOP,
  /** The bot wrote to this e-mail conversation as often as {@code email.maxRepliesPerDay} allows in 24 hours. */
  REPLY_CAP,
  /** A back-office lookup the answer needs failed or showed a record that is not the customer's. */
  LOOKUP;

  /** The lower-case code used in audit records, tags and evaluation files, e.g. {@code human_request}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
