package io.deskbridge.daktela.internal.mapping;

import io.deskbridge.core.conversation.Owner;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Who owns a Daktela ticket: people when its {@code user} is set to someone other than the API user; otherwise (no
 * user, or the API user) the bot. An agent's e-mail or comment on a ticket the bot owns is a take-over too, which
 * core decides from the messages (Capability.AGENT_NOTES_TAKE_OVER). Thread-safe.
 */
public final class DaktelaOwnership {
  private final Supplier<String> botLogin;

  /** @param botLogin the API user's login, known once {@code whoim} has answered (empty before) */
  public DaktelaOwnership(Supplier<String> botLogin) {
    this.botLogin = Objects.requireNonNull(botLogin, "botLogin");
  }

  /** The owner of a ticket assigned to {@code userLogin} (empty when unassigned). */
  public Owner of(String userLogin) {
    if (userLogin != null && !userLogin.isEmpty() && !userLogin.equals(botLogin.get())) {
      return Owner.human("user " + userLogin);
    }
    return Owner.BOT;
  }
}
