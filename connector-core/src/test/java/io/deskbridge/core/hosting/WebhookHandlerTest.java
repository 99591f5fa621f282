package io.deskbridge.core.hosting;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.deskbridge.core.spi.WebhookEndpoint;
import io.deskbridge.core.store.AuditLog;
import io.deskbridge.core.store.AuditRecord;
import io.deskbridge.core.webhook.InboundEvent;
import io.deskbridge.core.webhook.WebhookRejectedException;
import io.deskbridge.core.webhook.WebhookRequest;
import io.deskbridge.core.webhook.WebhookResponse;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Every answer of the handler, exactly: status and reason, what is stored, audited, counted and logged. */
class WebhookHandlerTest {
  private final RejectionSamplerTest.StepClock clock = new RejectionSamplerTest.StepClock();
  private final List<InboundEvent> stored = new ArrayList<>();
  private final List<AuditRecord> audited = new ArrayList<>();
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private boolean auditDown;
  private RuntimeException storeFault;
  private Function<WebhookRequest, List<InboundEvent>> decoder = r -> List.of(event("e1", "c1"));

  private final AuditLog audit = new AuditLog() {
    @Override
    public void append(AuditRecord record) {
      if (auditDown) {
        throw new IllegalStateException("Database is already closed");
      }
      audited.add(record);
    }

    @Override
    public List<AuditRecord> all() {
      return List.copyOf(audited);
    }
  };

  /** Authentic when the body does not start with "forged"; decodes with whatever the test set. */
  private final WebhookEndpoint endpoint = new WebhookEndpoint() {
    @Override
    public void verify(WebhookRequest request) {
      if (request.bodyText().startsWith("forged")) {
        throw WebhookRejectedException.unauthorized("signature does not match");
      }
      if (request.bodyText().startsWith("boom")) {
        throw new IllegalStateException("HmacSHA256 is not available");
      }
    }

    @Override
    public List<InboundEvent> decode(WebhookRequest request) {
      return decoder.apply(request);
    }
  };

  private final WebhookHandler handler = new WebhookHandler(id -> id.equals("acme") ? Optional.of(endpoint) : Optional.empty(),
      (id, events) -> {
        if (storeFault != null) {
          throw storeFault;
        }
        stored.addAll(events);
        return events.size();
      }, audit, clock, meters, 5);

  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private final Logger logger = (Logger) LoggerFactory.getLogger(WebhookHandler.class);

  {
    logs.start();
    logger.addAppender(logs);
  }

  @AfterEach
  void detach() {
    logger.detachAppender(logs);
  }

  private static InboundEvent event(String id, String conversationId) {
    return new InboundEvent(id, conversationId, InboundEvent.Kind.UPDATED, "", Optional.empty(), Optional.empty(),
        Instant.parse("2026-12-03T12:00:00Z"));
  }

  private WebhookResponse post(String installation, String body) {
    return handler.handle(installation, new WebhookRequest("POST", "/webhooks/" + installation, Map.of(),
        body.getBytes(StandardCharsets.UTF_8), clock.instant()));
  }

  private double rejected(String installation, int status) {
    var counter = meters.find("deskbridge.webhook.rejected").tag("installation", installation)
        .tag("status", Integer.toString(status)).counter();
    return counter == null ? 0 : counter.count();
  }

  private static void assertAnswer(WebhookResponse response, int status, String reason) {
    var error = WebhookResponse.error(status, reason);
    assertThat(List.of(response.status(), response.contentType(), response.body()))
        .isEqualTo(List.of(error.status(), error.contentType(), error.body()));
  }

  @Test
  void storesThenAcknowledges() {
    assertThat(post("acme", "{}")).isEqualTo(WebhookResponse.ok());
    assertThat(stored).extracting(InboundEvent::id).containsExactly("e1");
    assertThat(audited).isEmpty();
  }

  @Test
  void unknownInstallationIs404() {
    assertAnswer(post("globex", "{}"), 404, "unknown installation 'globex'");
    assertAnswer(post("a\r\nb", "{}"), 404, "unknown installation");
    assertThat(rejected("?", 404)).isEqualTo(2);
    assertThat(audited).extracting(AuditRecord::installationId).containsExactly("?", "?");
  }

  @Test
  void notAuthenticIs401WithTheVerifiersReason() {
    assertAnswer(post("acme", "forged"), 401, "signature does not match");
    assertThat(audited).singleElement().satisfies(r -> {
      assertThat(r.decision()).isEqualTo("rejected");
      assertThat(r.reasons()).containsExactly("http_401");
      assertThat(r.input()).isEqualTo("signature does not match");
    });
    assertThat(rejected("acme", 401)).isEqualTo(1);
  }

  @Test
  void aVerifierThatFailsUnexpectedlyIs401NotA5xx() {
    assertAnswer(post("acme", "boom"), 401, "the request's signature cannot be checked");
    assertThat(stored).isEmpty();
  }

  @Test
  void anUndecodableBodyIs400WithTheDecodersReason() {
    decoder = r -> {
      throw WebhookRejectedException.badRequest("body is not valid JSON");
    };
    assertAnswer(post("acme", "{"), 400, "body is not valid JSON");
    assertThat(rejected("acme", 400)).isEqualTo(1);
  }

  @Test
  void idsTheStoreCouldNeverHoldAre400AndNothingIsStored() {
    var cases = Map.of(
        "e".repeat(513), "event id is longer than 512 characters",
        " \t ", "event id must not be blank",
        "e\r\nforged", "event id contains a control character",
        "e\0", "event id contains a control character");
    cases.forEach((id, reason) -> {
      decoder = r -> List.of(event(id, "c1"));
      assertAnswer(post("acme", "{}"), 400, reason);
    });
    decoder = r -> List.of(event("e1", "c".repeat(513)));
    assertAnswer(post("acme", "{}"), 400, "conversation id is longer than 512 characters");
    decoder = r -> List.of(event("e1", " "));
    assertAnswer(post("acme", "{}"), 400, "conversation id must not be blank");
    decoder = r -> List.of(event("e".repeat(512), "c".repeat(512)));
    assertThat(post("acme", "{}").status()).isEqualTo(200);

    assertThat(stored).extracting(InboundEvent::id).containsExactly("e".repeat(512));
    assertThat(rejected("acme", 400)).isEqualTo(6);
  }

  @Test
  void aDecoderThatFailsUnexpectedlyIs400BecauseARedeliveryWouldFailTheSame() {
    decoder = r -> {
      throw new IllegalArgumentException("externalId must not be blank");
    };
    assertAnswer(post("acme", "{}"), 400, "the body cannot be decoded");
    assertThat(stored).isEmpty();
  }

  @Test
  void aStoreFaultIs503SoTheVendorDeliversAgainAndItIsNotAudited() {
    storeFault = new IllegalStateException("Database is already closed");
    var answer = post("acme", "{}");
    assertAnswer(answer, 503, "temporarily unavailable, deliver again later");
    assertThat(answer.headers()).as("Zendesk delivers a 503 again only with a Retry-After under 60 s")
        .containsEntry("Retry-After", "10");
    assertThat(audited).isEmpty();
    assertThat(rejected("acme", 503)).isEqualTo(1);
  }

  @Test
  void aFullDiskRefusingEveryWebhookIsASampleOfLogLinesWithACount() {
    storeFault = new IllegalStateException("Database is already closed");
    for (int i = 0; i < 100; i++) {
      assertThat(post("acme", "{}").status()).isEqualTo(503);
    }
    assertThat(rejected("acme", 503)).isEqualTo(100);
    var lines = logs.list.stream().filter(e -> e.getFormattedMessage().contains("webhook not stored")).toList();
    assertThat(lines).hasSizeBetween(1, 6);
  }

  @Test
  void aBadSignatureWhileTheAuditStoreIsDownIsStill401() {
    auditDown = true;
    assertAnswer(post("acme", "forged"), 401, "signature does not match");
    decoder = r -> List.of(event(" ", "c1"));
    assertAnswer(post("acme", "{}"), 400, "event id must not be blank");
    assertThat(logs.list).allSatisfy(e -> assertThat(e.getThrowableProxy()).isNull());
    assertThat(logs.list).anySatisfy(e -> assertThat(e.getFormattedMessage())
        .contains("could not be audited (answered 401 all the same)"));
  }

  @Test
  void aFloodOfRefusalsIsCountedInFullButOnlyASampleIsAuditedAndLoggedAtWarn() {
    for (int i = 0; i < 1000; i++) {
      post("acme", "forged " + i);
    }
    assertThat(rejected("acme", 401)).isEqualTo(1000);
    assertThat(audited).hasSize(5);
    assertThat(logs.list).filteredOn(e -> e.getLevel() == ch.qos.logback.classic.Level.WARN).hasSize(5);

    clock.advance(Duration.ofMinutes(1));
    post("acme", "forged again");
    assertThat(audited).hasSize(6);
    assertThat(audited.get(5).input()).isEqualTo("signature does not match (995 refusal(s) since the last one audited)");
  }

  @Test
  void requestsForUnknownInstallationsShareOneBucketAndOneTag() {
    for (int i = 0; i < 1000; i++) {
      post("guess" + i, "{}");
    }
    assertThat(audited).hasSize(5);
    assertThat(meters.find("deskbridge.webhook.rejected").counters()).singleElement()
        .satisfies(c -> assertThat(c.getId().getTag("installation")).isEqualTo("?"));
  }

  @Test
  void vendorValuesInTheLogAreSanitised() {
    decoder = r -> {
      throw WebhookRejectedException.badRequest("ticket 1\r\n12:00:00.000 INFO forged\0");
    };
    post("acme", "{}");
    assertThat(logs.list).singleElement().satisfies(e -> assertThat(e.getFormattedMessage())
        .contains("ticket 1\\r\\n12:00:00.000 INFO forged\\0").doesNotContain("\n").doesNotContain("\r").doesNotContain("\0"));
  }

  /** A vendor that answers in its own format (as Salesforce answers SOAP), with a shaped refusal and ack. */
  private final WebhookEndpoint soap = new WebhookEndpoint() {
    @Override
    public void verify(WebhookRequest request) {
      endpoint.verify(request);
    }

    @Override
    public List<InboundEvent> decode(WebhookRequest request) {
      return decoder.apply(request);
    }

    @Override
    public WebhookResponse acknowledge(List<InboundEvent> events) {
      return new WebhookResponse(200, "text/xml; charset=utf-8", "<Ack>true</Ack> for " + events.size());
    }

    @Override
    public WebhookResponse refuse(WebhookRejectedException refusal) {
      if (refusal.getMessage().contains("unshapeable")) {
        throw new IllegalStateException("no fault template");
      }
      return new WebhookResponse(refusal.status(), "text/xml; charset=utf-8",
          "<Fault><faultstring>" + refusal.getMessage() + "</faultstring></Fault>", Map.of("X-Fault", "1"));
    }
  };

  private final WebhookHandler soapHandler = new WebhookHandler(id -> id.equals("sf") ? Optional.of(soap) : Optional.empty(),
      (id, events) -> {
        stored.addAll(events);
        return events.size();
      }, audit, clock, meters, 5);

  private WebhookResponse postSoap(String body) {
    return soapHandler.handle("sf", new WebhookRequest("POST", "/webhooks/sf", Map.of(),
        body.getBytes(StandardCharsets.UTF_8), clock.instant()));
  }

  private static WebhookResponse fault(int status, String reason) {
    return new WebhookResponse(status, "text/xml; charset=utf-8", "<Fault><faultstring>" + reason + "</faultstring></Fault>",
        Map.of("X-Fault", "1"));
  }

  @Test
  void aVendorsOwnRefusalAndAcknowledgementBodiesAreWhatIsSent() {
    assertThat(postSoap("forged")).isEqualTo(fault(401, "signature does not match"));
    assertThat(postSoap("boom")).isEqualTo(fault(401, "the request's signature cannot be checked"));
    decoder = r -> {
      throw WebhookRejectedException.badRequest("not a notifications envelope");
    };
    assertThat(postSoap("<x/>")).isEqualTo(fault(400, "not a notifications envelope"));
    decoder = r -> {
      throw new IllegalArgumentException("parser bug");
    };
    assertThat(postSoap("<x/>")).isEqualTo(fault(400, "the body cannot be decoded"));
    assertThat(soapHandler.refuse("sf", new WebhookRequest("POST", "/webhooks/sf", Map.of(), new byte[0], clock.instant()),
        413, "body larger than 64 bytes")).as("the HTTP adapter's refusals too").isEqualTo(fault(413, "body larger than 64 bytes"));
    assertThat(stored).isEmpty();

    decoder = r -> List.of(event("e1", "c1"), event("e2", "c1"));
    assertThat(postSoap("<notifications/>"))
        .isEqualTo(new WebhookResponse(200, "text/xml; charset=utf-8", "<Ack>true</Ack> for 2"));
    assertThat(stored).extracting(InboundEvent::id).containsExactly("e1", "e2");

    assertThat(List.of(rejected("sf", 401), rejected("sf", 400), rejected("sf", 413))).containsExactly(2.0, 2.0, 1.0);
    assertThat(audited).extracting(r -> r.reasons().get(0))
        .containsExactly("http_401", "http_401", "http_400", "http_400", "http_413");
  }

  @Test
  void theRequestReachesTheAcknowledgementAndTheRefusalSoAVendorCanAnswerInItsFormat() {
    var seen = new java.util.ArrayList<String>();
    var byFormat = new WebhookEndpoint() {
      @Override
      public void verify(WebhookRequest request) {
        if (request.bodyText().equals("forged")) {
          throw WebhookRejectedException.unauthorized("forged");
        }
      }

      @Override
      public List<InboundEvent> decode(WebhookRequest request) {
        return List.of(event("e1", "c1"));
      }

      @Override
      public WebhookResponse acknowledge(WebhookRequest request, List<InboundEvent> events) {
        seen.add("ack " + request.header("Content-Type").orElse(""));
        return new WebhookResponse(200, "application/json", "{\"ack\":true}");
      }

      @Override
      public WebhookResponse refuse(WebhookRequest request, WebhookRejectedException refusal) {
        seen.add("refuse " + request.header("Content-Type").orElse("") + " " + refusal.status());
        return WebhookResponse.error(refusal.status(), refusal.getMessage());
      }
    };
    var handler = new WebhookHandler(id -> Optional.of(byFormat), (id, events) -> events.size(), audit, clock);
    var json = Map.of("Content-Type", List.of("application/json"));

    assertThat(handler.handle("sf", new WebhookRequest("POST", "/webhooks/sf", json, "{}".getBytes(StandardCharsets.UTF_8),
        clock.instant())).body()).isEqualTo("{\"ack\":true}");
    handler.handle("sf", new WebhookRequest("POST", "/webhooks/sf", json, "forged".getBytes(StandardCharsets.UTF_8),
        clock.instant()));
    handler.refuse("sf", new WebhookRequest("POST", "/webhooks/sf", json, new byte[0], clock.instant()), 413, "too large");

    assertThat(seen).containsExactly("ack application/json", "refuse application/json 401",
        "refuse application/json 413");
  }

  @Test
  void aVendorWhoseRefusalFailsIsRefusedWithTheJsonErrorNotA5xx() {
    decoder = r -> {
      throw WebhookRejectedException.badRequest("unshapeable body");
    };
    assertAnswer(postSoap("<x/>"), 400, "unshapeable body");
    assertThat(rejected("sf", 400)).isEqualTo(1);
    assertThat(logs.list).anySatisfy(e -> assertThat(e.getFormattedMessage())
        .contains("failed to shape its refusal").contains("no fault template"));
  }

  @Test
  void anUnknownInstallationGetsTheJsonErrorAsNoVendorIsKnown() {
    var answer = soapHandler.handle("other", new WebhookRequest("POST", "/webhooks/other", Map.of(), new byte[0],
        clock.instant()));
    assertAnswer(answer, 404, "unknown installation 'other'");
  }
}
