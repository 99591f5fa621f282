package io.deskbridge.daktela.internal.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

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
}
