package io.deskbridge.core.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * The e-mail loop guard end to end: an e-mail a mail system sent on its own (an out-of-office reply, a bounce) in
 * reply to the bot's answer is read, audited with its reason, and neither answered nor handed over. Needs
 * {@link io.deskbridge.core.spi.Capability#EMAIL_HEADERS} and a fixture whose conversations are e-mail ones; a vendor
 * without headers (Zendesk) has only the wording check, which core's unit tests cover.
 */
public abstract class AbstractEmailLoopGuardIT extends AbstractConnectorIT {

  @Test
  @EnabledIf("supportsEmailHeaders")
  void anOutOfOfficeReplyToTheBotsAnswerIsIgnored() {
    String id = answered("Login", "How do I reset my password? I can't log in.");

    fixture.customerEmails(id, "Thank you for your e-mail. I am out of the office until 14 December with no access "
        + "to e-mail.", Map.of("Auto-Submitted", "auto-replied", "X-Autoreply", "yes"));
    settleWhen(() -> harness.audit(id).stream().anyMatch(r -> r.reasons().contains("auto_reply")));

    assertThat(bot(id, true)).as("the bot's first answer only").hasSize(1);
    assertThat(bot(id, false)).as("no handover note").isEmpty();
    assertThat(fixture.ownedByPeople(id)).as("no handover").isFalse();
    assertThat(decisions(id, "handover")).isEmpty();
  }

  @Test
  @EnabledIf("supportsEmailHeaders")
  void aBounceKnownOnlyByItsHeadersIsIgnoredAndTheNextRealQuestionAnswered() {
    String id = answered("Login", "How do I reset my password? I can't log in.");

    // the text reads like a question; only the empty return path says a mail system sent it
    fixture.customerEmails(id, "And how can I return an item?", Map.of("Return-Path", "<>"));
    settleWhen(() -> harness.audit(id).stream().anyMatch(r -> r.reasons().contains("bounce")));
    assertThat(bot(id, true)).as("not answered").hasSize(1);

    fixture.customerWrites(id, "Thanks. And how can I return an item?");
    settleWhen(() -> bot(id, true).size() == 2);
    assertThat(decisions(id, "reply")).hasSize(2);
  }
}
