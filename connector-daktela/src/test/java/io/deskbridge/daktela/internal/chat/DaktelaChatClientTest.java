package io.deskbridge.daktela.internal.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.core.escalation.HandoverNotes;
import io.deskbridge.core.escalation.HandoverReason;
import io.deskbridge.core.escalation.HandoverSummary;
import io.deskbridge.core.escalation.KeyFact;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DaktelaChatClientTest {
  @Test
  void theSummaryInTheChatKeepsOnlyTheLinesACustomerMayRead() {
    String note = String.join("\n", "Deskbridge handover", "Why: anger, human request", "Language: en",
        "Tone: angry", "Request: Where is my order #48213?", "Key facts: order #48213; jan@example.com",
        "Bot already: nothing", "Confidence: 41 %", "", "People are back on Monday at 08:00.");

    assertThat(DaktelaChatClient.customerSafe(note)).isEqualTo(String.join("\n",
        "Summary for the colleague who takes over:", "Why: human request", "Request: Where is my order #48213?",
        "Key facts: order #48213; jan@example.com", "Bot already: nothing"));
    assertThat(DaktelaChatClient.customerSafe(note.replace("anger, human request", "sarcasm")))
        .doesNotContain("Why", "sarcasm");
    assertThat(DaktelaChatClient.customerSafe(note + "\n\nOutside business hours: the customer was told a "
        + "colleague replies once working hours start (Monday 7 December, 9:00).")).endsWith("9:00).");
  }

  /**
   * Core hands the connector the handover note as text only (Action.InternalNote has no structured summary), so the
   * connector reads core's own renderer's labels: this ties the two together, with a summary whose content is not
   * English, so that a change of core's labels fails here rather than leaking the tone or confidence into a chat.
   */
  @Test
  void theSummaryInTheChatReadsCoresOwnRenderingWhateverTheCustomersLanguage() {
    var summary = new HandoverSummary(Set.of(HandoverReason.ANGER, HandoverReason.HUMAN_REQUEST), "cs", "angry",
        "Kde je moje objednávka #48213? Měla přijít včera.",
        List.of(new KeyFact(KeyFact.Type.ORDER_NUMBER, "48213"), new KeyFact(KeyFact.Type.EMAIL, "jan@example.cz")),
        List.of("answered \"Sledování zásilky\""), 0.41);
    var note = HandoverNotes.render(summary);
    var lines = note.lines().toList();

    var safe = DaktelaChatClient.customerSafe(note).lines().toList();

    assertThat(note).startsWith(DaktelaChatClient.HANDOVER_NOTE);
    assertThat(safe).containsExactly(DaktelaChatClient.SUMMARY_TITLE, "Why: human request",
        lines.stream().filter(l -> l.contains("objednávka")).findFirst().orElseThrow(),
        lines.stream().filter(l -> l.contains("jan@example.cz")).findFirst().orElseThrow(),
        lines.stream().filter(l -> l.contains("Sledování")).findFirst().orElseThrow());
    assertThat(String.join("\n", safe)).doesNotContain("angry", "anger", "41", "cs\n");
  }

  @Test
  void onlyTheConfiguredOriginHoldsAResponseUrl() {
    var host = DaktelaChatHost.of(URI.create("https://Acme.daktela.com"));

    assertThat(host.holds(URI.create("https://acme.daktela.com/external-bot/response/1"))).isTrue();
    assertThat(host.holds(URI.create("https://ACME.daktela.com:443/x"))).isTrue();
    assertThat(host.holds(URI.create("http://acme.daktela.com/x"))).as("another scheme").isFalse();
    assertThat(host.holds(URI.create("https://acme.daktela.com:8443/x"))).as("another port").isFalse();
    assertThat(host.holds(URI.create("https://acme.daktela.com.evil.io/x"))).isFalse();
    assertThat(host.holds(URI.create("https://evil.io@acme.daktela.com/x"))).as("user information").isFalse();
    assertThat(host.holds(URI.create("/external-bot/response/1"))).as("relative").isFalse();
    assertThat(host.holds(URI.create("mailto:a@acme.daktela.com"))).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "https://ACME.Daktela.COM/external-bot/response/1 | ",
      "HTTPS://acme.daktela.com:443/x?a=b | ",
      "https://acme.daktela.com./x | is on host 'acme.daktela.com.', not 'acme.daktela.com'",
      "https://acme.daktela.com:8443/x | is on port 8443, not 443",
      "http://acme.daktela.com/x | uses scheme 'http', not 'https'",
      "https://203.0.113.7/x | is on host '203.0.113.7', not 'acme.daktela.com'",
      "https://[::1]/x | is on host '[::1]', not 'acme.daktela.com'",
      "https://bot:pa55@acme.daktela.com/x | carries user information",
      "https://acme.daktela.com@evil.io/x | carries user information",
      "https://acme.daktela.com:443@evil.io/x | carries user information",
      "https://evil.io#@acme.daktela.com/x | carries a fragment",
      "https://evil.io?@acme.daktela.com/x | is on host 'evil.io', not 'acme.daktela.com'",
      "https://evil.io/@acme.daktela.com | is on host 'evil.io', not 'acme.daktela.com'",
      "https://acme.daktela.com%2eevil.io/x | has no host name that can be read",
      "https://acme_x.daktela.com/x | has no host name that can be read",
      "//acme.daktela.com/x | is not an absolute http(s) URL"})
  void theOriginCheckNamesWhyAResponseUrlIsOff(String url, String problem) {
    var host = DaktelaChatHost.of(URI.create("https://acme.daktela.com"));

    if (problem == null) {
      assertThat(host.problem(URI.create(url))).isEmpty();
    } else {
      assertThat(host.problem(URI.create(url))).hasValueSatisfying(p -> assertThat(p).startsWith(problem)
          .doesNotContain("pa55", "/x"));
    }
  }

  @Test
  void anInstanceConfiguredByIpAddressHoldsThatSpellingOnly() {
    var host = DaktelaChatHost.of(URI.create("http://127.0.0.1:8093"));

    assertThat(host.holds(URI.create("http://127.0.0.1:8093/external-bot/response/1"))).isTrue();
    assertThat(host.holds(URI.create("http://localhost:8093/x"))).isFalse();
    assertThat(host.holds(URI.create("http://2130706433:8093/x"))).isFalse();
    assertThat(host.holds(URI.create("http://127.1:8093/x"))).isFalse();
    assertThat(host.holds(URI.create("http://127.0.0.1/x"))).as("port 80").isFalse();
  }
}
