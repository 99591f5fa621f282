package io.deskbridge.daktela;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.deskbridge.core.config.Settings;
import io.deskbridge.core.spi.InstallContext;
import io.deskbridge.core.spi.InstallStep;
import io.deskbridge.core.spi.InstallStep.Kind;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What {@code install} prints for Daktela: the three Events actions (URL, secret header, bodies the webhook decoder
 * reads) naming where the secret comes from but never its value; nothing with polling; the web-chat bot's URL.
 */
class DaktelaInstallerTest {
  private static final URI PUBLIC = URI.create("https://deskbridge.acme.example");

  private static InstallContext context(String id, Map<String, Object> values) {
    return new InstallContext(id, Settings.of("installations[" + id + "].settings", values), Optional.of(PUBLIC),
        Path.of("install", id), null, false, false, Clock.systemUTC());
  }

  private static Map<String, Object> ticketSettings(String events) {
    var values = new LinkedHashMap<String, Object>();
    values.put("url", "https://acme.daktela.com");
    values.put("accessToken", Map.of("env", "DAKTELA_TOKEN"));
    values.put("events", events);
    values.put("webhookSecret", Map.of("env", "DAKTELA_WEBHOOK_SECRET"));
    return values;
  }

  @Test
  void theEventsTemplatesAreTheBodiesTheDecoderReads() throws Exception {
    var steps = new DaktelaConnectorFactory().installer().orElseThrow()
        .install(context("acme", ticketSettings("webhooks")));
    assertThat(steps).extracting(InstallStep::kind).containsOnly(Kind.MANUAL).hasSize(4);
    for (var step : steps.subList(0, 3)) {
      assertThat(step.description()).contains("POST https://deskbridge.acme.example/webhooks/acme\n",
          "Header X-Webhook-Secret: <the value of the environment variable DAKTELA_WEBHOOK_SECRET>");
      String body = step.description().substring(step.description().indexOf("Body ") + 5);
      var json = new ObjectMapper().readTree(body); // valid JSON once Daktela fills the placeholders in
      assertThat(json.path("event").asText()).isIn("ticket_create", "ticket_update", "activity_create");
      assertThat(json.path("ticket").asText()).startsWith("{{");
    }
    assertThat(steps.get(3).description()).contains("installations[acme].settings.events: polling");
  }

  @Test
  void pollingNeedsNothing() {
    var installer = new DaktelaConnectorFactory().installer().orElseThrow();
    assertThat(installer.install(context("acme", ticketSettings("polling")))).singleElement()
        .extracting(InstallStep::kind).isEqualTo(Kind.PRESENT);
    assertThat(installer.check(context("acme", ticketSettings("polling")))).isEmpty();
    assertThat(installer.unchecked(context("acme", ticketSettings("polling")))).isEmpty();
  }

  @Test
  void whatCheckCannotReadIsNamedForAPersonAndHoldsNoSecret() {
    var tickets = new DaktelaConnectorFactory().installer().orElseThrow().unchecked(context("acme",
        ticketSettings("webhooks")));
    assertThat(tickets).singleElement().asString().contains("Events module", "'Deskbridge acme ticket created'",
        "'… ticket updated'", "'… activity created'").doesNotContain("DAKTELA_WEBHOOK_SECRET");

    var values = Map.<String, Object>of("url", "https://acme.daktela.com", "botToken",
        Map.of("file", "/run/secrets/daktela-bot-token"));
    var chat = new DaktelaChatConnectorFactory().installer().orElseThrow().unchecked(context("chat", values));
    assertThat(chat).singleElement().asString().contains("Web chat", "/webhooks/chat/<the token>")
        .doesNotContain("daktela-bot-token");
  }

  @Test
  void theWebChatBotsUrlCarriesTheTokenPlaceholder() {
    var values = Map.<String, Object>of("url", "https://acme.daktela.com", "botToken",
        Map.of("file", "/run/secrets/daktela-bot-token"));
    var steps = new DaktelaChatConnectorFactory().installer().orElseThrow().install(context("chat", values));
    assertThat(steps).singleElement().satisfies(s -> assertThat(s.description()).contains(
        "https://deskbridge.acme.example/webhooks/chat/<the content of /run/secrets/daktela-bot-token>",
        "X-Deskbridge-Token"));
  }
}
