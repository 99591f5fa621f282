package io.deskbridge.daktela.internal.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deskbridge.core.config.Secret;
import io.deskbridge.core.hosting.WebhookHandler;
import io.deskbridge.core.store.AuditLog;
import io.deskbridge.core.store.AuditRecord;
import io.deskbridge.core.webhook.InboundEvent;
import io.deskbridge.core.webhook.WebhookRejectedException;
import io.deskbridge.core.webhook.WebhookRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DaktelaChatWebhookEndpointTest {
  private static final String TOKEN = "b0t-token-0123456789abcdef";
  private static final String URL = "https://acme.daktela.com/external-bot/response/activitiesWeb_1";
  private final DaktelaChatChats chats = new DaktelaChatChats();
  private final DaktelaChatWebhookEndpoint endpoint = new DaktelaChatWebhookEndpoint("webchat", Secret.of(TOKEN),
      "X-Deskbridge-Token", DaktelaChatHost.of(URI.create("https://acme.daktela.com")), chats);

  private static WebhookRequest request(String path, Map<String, String> headers, String body) {
    return new WebhookRequest("POST", path, Map.of(), headers.entrySet().stream()
        .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> List.of(e.getValue()))),
        body.getBytes(StandardCharsets.UTF_8), "", Instant.parse("2026-12-05T09:00:00Z"));
  }

  private static String message(String name, String what) {
    return "{\"name\":\"" + name + "\",\"time\":\"2026-12-05 10:00:00\",\"direction\":\"IN\",\"conversation\":"
        + "{\"name\":\"activitiesWeb_1\",\"response_url\":\"" + URL + "\"}," + what + "}";
  }

  @Test
  void theTokenIsReadFromTheHeaderOrThePathsLastSegment() {
    endpoint.verify(request("/webhooks/webchat/" + TOKEN, Map.of(), "{}"));
    endpoint.verify(request("/webhooks/webchat", Map.of("X-Deskbridge-Token", TOKEN), "{}"));

    assertThatThrownBy(() -> endpoint.verify(request("/webhooks/webchat", Map.of(), "{}")))
        .isInstanceOfSatisfying(WebhookRejectedException.class, e -> assertThat(e.status()).isEqualTo(401))
        .hasMessageContaining("missing token");
    assertThatThrownBy(() -> endpoint.verify(request("/webhooks/webchat/" + TOKEN + "x", Map.of(), "{}")))
        .hasMessageContaining("wrong token in the path").hasMessageNotContaining(TOKEN);
    assertThatThrownBy(() -> endpoint.verify(request("/webhooks/webchat/" + TOKEN,
        Map.of("X-Deskbridge-Token", "nope"), "{}"))).as("a header, when sent, is the one checked")
        .hasMessageContaining("wrong token in X-Deskbridge-Token");
    assertThatThrownBy(() -> endpoint.verify(request("/webhooks/webchat/" + TOKEN + "/more", Map.of(), "{}")))
        .hasMessageContaining("missing token");
  }

  @Test
  void aBlankTokenNeverMatchesAndAShortOneIsRefusedAtStart() {
    assertThatThrownBy(() -> endpoint.verify(request("/webhooks/webchat/" + TOKEN,
        Map.of("X-Deskbridge-Token", " "), "{}"))).isInstanceOfSatisfying(WebhookRejectedException.class,
            e -> assertThat(e.status()).isEqualTo(401)).hasMessage("blank token in X-Deskbridge-Token");
    assertThatThrownBy(() -> endpoint.verify(request("/webhooks/webchat/", Map.of("X-Deskbridge-Token", ""), "{}")))
        .hasMessage("blank token in X-Deskbridge-Token");
    assertThatThrownBy(() -> endpoint.verify(request("/webhooks/webchat/", Map.of(), "{}")))
        .hasMessageStartingWith("missing token");
    assertThatThrownBy(() -> new DaktelaChatWebhookEndpoint("webchat", Secret.of("  short  "), "X-Deskbridge-Token",
        DaktelaChatHost.of(URI.create("https://acme.daktela.com")), chats))
        .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("short");
  }

  /** A refused response_url is logged without its user information, path or query, and the token never is. */
  @Test
  void aResponseUrlOffTheInstanceIsA400NamingWhyAndItsSecretsAreNotLogged() {
    var logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(DaktelaChatWebhookEndpoint.class);
    var appender = new ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent>();
    appender.start();
    logger.addAppender(appender);
    try {
      String off = "https://bot:pa55word@acme.daktela.com/external-bot/response/activitiesWeb_1?key=s3cr3t";
      assertThatThrownBy(() -> endpoint.decode(request("/webhooks/webchat/" + TOKEN, Map.of(),
          message("m1", "\"text\":\"Hi\"").replace(URL, off))))
          .isInstanceOfSatisfying(WebhookRejectedException.class, e -> assertThat(e.status()).isEqualTo(400))
          .hasMessageContaining("carries user information").hasMessageNotContaining("pa55word")
          .hasMessageNotContaining("s3cr3t");
      assertThatThrownBy(() -> endpoint.decode(request("/w", Map.of(),
          message("m2", "\"text\":\"Hi\"").replace("acme.daktela.com", "acme.daktela.com:8443"))))
          .hasMessageContaining("is on port 8443, not 443");

      assertThat(appender.list).hasSize(2).allSatisfy(e -> assertThat(e.getFormattedMessage())
          .doesNotContain("pa55word", "s3cr3t", "external-bot", TOKEN));
    } finally {
      logger.detachAppender(appender);
    }
  }

  @Test
  void aTextIsAMessageWhoseNameIsTheEventIdAndTheResponseUrlIsKept() {
    var events = endpoint.decode(request("/webhooks/webchat", Map.of(), message("m1", "\"text\":\"Hi there\"")));

    assertThat(events).first().as("a chat not known: the bot has it (again)").satisfies(e -> {
      assertThat(e.id()).isEqualTo("m1:to-bot");
      assertThat(e.kind()).isEqualTo(InboundEvent.Kind.RELEASED_TO_BOT);
    });
    assertThat(events).last().satisfies(e -> {
      assertThat(e.id()).isEqualTo("m1");
      assertThat(e.kind()).isEqualTo(InboundEvent.Kind.MESSAGE_ADDED);
      assertThat(e.message()).hasValueSatisfying(m -> assertThat(m.text()).isEqualTo("Hi there"));
      assertThat(e.snapshot()).hasValueSatisfying(c -> assertThat(c.subject()).isEqualTo(URL));
    });
    assertThat(chats.get("activitiesWeb_1")).hasValueSatisfying(c -> assertThat(c.responseUrl()).hasToString(URL));
  }

  @Test
  void quickRepliesButtonsAndTheEnd() {
    assertThat(endpoint.decode(request("/w", Map.of(), message("m1",
        "\"text\":\"Billing\",\"quickreply\":{\"name\":\"qr_billing\"}")))).last()
        .satisfies(e -> assertThat(e.message().orElseThrow().text()).isEqualTo("Billing"));
    assertThat(endpoint.decode(request("/w", Map.of(), message("m2", "\"button\":{\"name\":\"yes\"}"))))
        .singleElement().satisfies(e -> assertThat(e.message().orElseThrow().text()).isEqualTo("yes"));
    assertThat(endpoint.decode(request("/w", Map.of(), message("m3", "\"terminate\":true")))).singleElement()
        .satisfies(e -> assertThat(e.kind()).isEqualTo(InboundEvent.Kind.SOLVED));
  }

  @Test
  void aMessageAfterTheChatLeftTheBotIsControlComingBackAndARedeliveryGetsTheSameEvents() {
    endpoint.decode(request("/w", Map.of(), message("m1", "\"text\":\"A person please\"")));
    assertThat(endpoint.decode(request("/w", Map.of(), message("m0", "\"text\":\"Hello\""))))
        .as("the bot has the chat").extracting(InboundEvent::kind).containsExactly(InboundEvent.Kind.MESSAGE_ADDED);
    chats.transferred("activitiesWeb_1", "3201");

    assertThat(endpoint.decode(request("/w", Map.of(), message("m0", "\"text\":\"Hello\""))))
        .as("a redelivery says nothing new about who has the chat").extracting(InboundEvent::kind)
        .containsExactly(InboundEvent.Kind.MESSAGE_ADDED);
    assertThat(endpoint.decode(request("/w", Map.of(), message("m1", "\"text\":\"A person please\""))))
        .as("the first delivery of m1 was told of a release: its redelivery is told again (the inbox has the ids)")
        .extracting(InboundEvent::id).containsExactly("m1:to-bot", "m1");
    assertThat(endpoint.decode(request("/w", Map.of(), message("m2", "\"text\":\"Back again\""))))
        .extracting(InboundEvent::id, InboundEvent::kind)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("m2:to-bot", InboundEvent.Kind.RELEASED_TO_BOT),
            org.assertj.core.groups.Tuple.tuple("m2", InboundEvent.Kind.MESSAGE_ADDED));
  }

  /**
   * The store fails the first delivery of the message that brings a transferred chat back (503, Daktela delivers
   * again): the redelivery must still carry the release, which the failed delivery had decoded.
   */
  @Test
  void aReleaseWhoseStoringFailedIsStoredWithTheRedelivery() {
    var stored = new ArrayList<InboundEvent>();
    var storeDown = new boolean[] {false};
    var handler = new WebhookHandler(id -> Optional.of(endpoint), (id, events) -> {
      if (storeDown[0]) {
        throw new IllegalStateException("the store is down");
      }
      stored.addAll(events);
      return events.size();
    }, new AuditLog() {
      @Override
      public void append(AuditRecord record) {}

      @Override
      public List<AuditRecord> all() {
        return List.of();
      }
    }, Clock.fixed(Instant.parse("2026-12-05T09:00:00Z"), ZoneOffset.UTC));
    var token = Map.of("X-Deskbridge-Token", TOKEN);
    assertThat(handler.handle("webchat", request("/webhooks/webchat", token, message("m1", "\"text\":\"Hi\"")))
        .status()).isEqualTo(200);
    chats.transferred("activitiesWeb_1", "3201");
    stored.clear();

    storeDown[0] = true;
    var back = request("/webhooks/webchat", token, message("m2", "\"text\":\"Back again\""));
    assertThat(handler.handle("webchat", back).status()).isEqualTo(503);
    storeDown[0] = false;
    assertThat(handler.handle("webchat", back).status()).as("Daktela's redelivery").isEqualTo(200);

    assertThat(stored).extracting(InboundEvent::id, InboundEvent::kind).containsExactly(
        org.assertj.core.groups.Tuple.tuple("m2:to-bot", InboundEvent.Kind.RELEASED_TO_BOT),
        org.assertj.core.groups.Tuple.tuple("m2", InboundEvent.Kind.MESSAGE_ADDED));
  }

  @Test
  void anOutgoingMessageIsNotForTheBot() {
    assertThat(endpoint.decode(request("/w", Map.of(), message("m1", "\"text\":\"x\"")
        .replace("\"IN\"", "\"OUT\"")))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "[]", "{\"name\":\"m1\"}", "{\"name\":\"m1\",\"conversation\":{\"name\":\"c\"},\"text\":\"x\"}",
      "{\"name\":\"m1\",\"conversation\":{\"name\":\"c\",\"response_url\":\"" + URL + "\"}}",
      "{\"name\":\" \",\"conversation\":{\"name\":\"c\",\"response_url\":\"" + URL + "\"},\"text\":\"x\"}",
      "{\"name\":\"m1\",\"conversation\":{\"name\":\"c\",\"response_url\":\"" + URL + "\"},\"quickreply\":{}}",
      "{\"name\":\"m1\",\"conversation\":{\"name\":\"c\",\"response_url\":\"http://acme.daktela.com/x\"},\"text\":\"x\"}",
      "{\"name\":\"m1\",\"conversation\":{\"name\":\"c\",\"response_url\":\"https://acme.daktela.com.evil.io/x\"},"
          + "\"text\":\"x\"}"})
  void badInputIsA400WithAReason(String body) {
    assertThatThrownBy(() -> endpoint.decode(request("/w", Map.of(), body)))
        .isInstanceOfSatisfying(WebhookRejectedException.class, e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.getMessage()).isNotBlank();
        });
  }
}
