package io.deskbridge.core.conversation;

import java.util.Objects;

/**
 * Who owns a conversation according to the vendor, with what the vendor showed.
 *
 * @param who      the bot or a person
 * @param evidence a short description of what the vendor showed, such as {@code tag deskbridge_handover},
 *                 {@code assignee 123} or {@code queue 00G...}; empty when nothing marks an owner
 */
public record Owner(Ownership who, String evidence) {
  /** Nothing on the vendor's side marks a person as the owner. */
  public static final Owner BOT = new Owner(Ownership.BOT, "");

  public Owner {
    Objects.requireNonNull(who, "who");
    evidence = evidence == null ? "" : evidence;
  }

  /** A person owns it, as {@code evidence} shows. */
  public static Owner human(String evidence) {
    return new Owner(Ownership.HUMAN, evidence);
  }

  /** Whether a person owns it. */
  public boolean isHuman() {
    return who == Ownership.HUMAN;
  }
}
