package io.deskbridge.salesforce.internal.webhook;

import static io.deskbridge.salesforce.internal.webhook.Envelopes.AGENT;
import static io.deskbridge.salesforce.internal.webhook.Envelopes.BOT_QUEUE;
import static io.deskbridge.salesforce.internal.webhook.Envelopes.CASE;
import static io.deskbridge.salesforce.internal.webhook.Envelopes.INTEGRATION_USER;
import static io.deskbridge.salesforce.internal.webhook.Envelopes.ORG;
import static io.deskbridge.salesforce.internal.webhook.Envelopes.PORTAL_USER;
import static io.deskbridge.salesforce.internal.webhook.Envelopes.TIER1_QUEUE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deskbridge.core.conversation.AuthorRole;
import io.deskbridge.core.conversation.Channel;
import io.deskbridge.core.conversation.Owner;
import io.deskbridge.core.conversation.Visibility;
import io.deskbridge.core.webhook.InboundEvent;
import io.deskbridge.core.webhook.WebhookRejectedException;
import io.deskbridge.core.webhook.WebhookRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The endpoint alone, on bodies shaped like Salesforce's Outbound Messages and their JSON Flow-callout form. */
class SalesforceWebhookEndpointTest {
  private static final Instant NOW = Instant.parse("2026-12-03T18:10:00Z");
  private final SalesforceWebhookEndpoint endpoint = new SalesforceWebhookEndpoint(ORG, Optional.empty(), List.of(),
      () -> Set.of(INTEGRATION_USER, BOT_QUEUE));

  static WebhookRequest soapRequest(String path, byte[] body, String remoteAddress) {
    return new WebhookRequest("POST", path, Map.of(), Map.of("Content-Type", List.of("text/xml; charset=utf-8"),
        "SOAPAction", List.of("\"\"")), body, remoteAddress, NOW);
  }

  static WebhookRequest jsonRequest(String path, byte[] body) {
    return new WebhookRequest("POST", path, Map.of(), Map.of("Content-Type", List.of("application/json")), body, "",
        NOW);
  }

  private List<InboundEvent> accept(WebhookRequest request) {
    endpoint.verify(request);
    return endpoint.decode(request);
  }

  private List<InboundEvent> soap(Envelopes.N... notifications) {
    return accept(soapRequest("/webhooks/acme", Envelopes.soap(ORG, List.of(notifications)), "13.108.1.2"));
  }

  private static WebhookRejectedException refusal(Runnable call) {
    try {
      call.run();
    } catch (WebhookRejectedException e) {
      return e;
    }
    throw new AssertionError("not refused");
  }

  // ------------------------------------------------------------------ Case

  @Test
  void aNewCaseIsConversationCreatedWithItsSnapshotAndNoOpeningFromTheSnapshot() {
    assertThat(soap(Envelopes.caseCreated("04l5g00000AbCdEAAV"))).singleElement().satisfies(e -> {
      assertThat(e.id()).isEqualTo("04l5g00000AbCdEAAV");
      assertThat(e.conversationId()).isEqualTo(CASE);
      assertThat(e.kind()).isEqualTo(InboundEvent.Kind.CONVERSATION_CREATED);
      assertThat(e.actorId()).isEqualTo(PORTAL_USER);
      assertThat(e.occurredAt()).isEqualTo(Instant.parse("2026-12-03T18:00:00Z"));
      assertThat(e.message()).isEmpty();
      assertThat(e.opening()).as("the load is the truth, the snapshot a signal").isEmpty();
      assertThat(e.snapshot()).hasValueSatisfying(s -> {
        assertThat(s.key().vendor()).isEqualTo("salesforce");
        assertThat(s.key().installation()).isEqualTo("acme");
        assertThat(s.key().externalId()).isEqualTo(CASE);
        assertThat(s.subject()).isEqualTo("Printer on fire");
        assertThat(s.channel()).isEqualTo(Channel.WEB_FORM);
        assertThat(s.customer().email()).isEqualTo("c@x.com");
        assertThat(s.customer().name()).isEqualTo("Carla Customer");
        assertThat(s.groupId()).isEqualTo(BOT_QUEUE);
        assertThat(s.assigneeId()).isEmpty();
        assertThat(s.owner()).isEqualTo(Owner.BOT);
        assertThat(s.closed()).isFalse();
        assertThat(s.version()).isEqualTo("2026-12-03T18:00:00.000Z");
      });
    });
  }

  @Test
  void aCaseAnAgentTookIsUpdatedWithAPersonAsOwner() {
    assertThat(soap(Envelopes.caseWith("04l5g00000AbCdFAAV", AGENT, AGENT, "Working", false))).singleElement()
        .satisfies(e -> {
          assertThat(e.kind()).isEqualTo(InboundEvent.Kind.UPDATED);
          assertThat(e.actorId()).isEqualTo(AGENT);
          assertThat(e.snapshot()).hasValueSatisfying(s -> {
            assertThat(s.owner()).isEqualTo(Owner.human("owner " + AGENT));
            assertThat(s.assigneeId()).isEqualTo(AGENT);
            assertThat(s.groupId()).isEmpty();
            assertThat(s.channel()).isEqualTo(Channel.EMAIL);
            assertThat(s.customer().id()).isEqualTo("0035g00000CONTAAAA");
            assertThat(s.version()).isEqualTo("2026-12-03T18:05:01.000Z");
          });
        });
    assertThat(soap(Envelopes.caseWith("04l5g00000AbCdGAAV", TIER1_QUEUE, INTEGRATION_USER, "Escalated", false)))
        .as("the bot's own handover comes back: a person's queue owns it").singleElement().satisfies(e -> {
          assertThat(e.kind()).isEqualTo(InboundEvent.Kind.UPDATED);
          assertThat(e.actorId()).isEqualTo(INTEGRATION_USER);
          assertThat(e.snapshot().orElseThrow().owner()).isEqualTo(Owner.human("owner " + TIER1_QUEUE));
        });
  }

  @Test
  void aCaseReassignedToTheBotsQueueOrUserIsReleasedToTheBotWithTheSnapshotsOwner() {
    assertThat(soap(Envelopes.caseWith("04l5g00000AbCdHAAV", BOT_QUEUE, AGENT, "Working", false),
        Envelopes.caseWith("04l5g00000AbCdIAAV", INTEGRATION_USER, AGENT, "Working", false)))
        .hasSize(2).allSatisfy(e -> {
          assertThat(e.kind()).isEqualTo(InboundEvent.Kind.RELEASED_TO_BOT);
          assertThat(e.actorId()).isEqualTo(AGENT);
          assertThat(e.snapshot().orElseThrow().owner()).isEqualTo(Owner.BOT);
        });
  }

  @Test
  void aCaseWithTheApprovalFieldAlsoApprovesTheDraftDatedWithTheField() {
    var approved = Envelopes.caseWith("04l5g00000AbCdJAAV", BOT_QUEUE, AGENT, "Working", false);
    var fields = new java.util.LinkedHashMap<>(approved.fields());
    fields.put(SalesforceWebhookEndpoint.DRAFT_APPROVED_AT, "2026-12-03T18:04:30.000Z");

    var events = soap(new Envelopes.N(approved.id(), "Case", fields));

    assertThat(events).hasSize(2);
    assertThat(events.get(1)).satisfies(e -> {
      assertThat(e.kind()).isEqualTo(InboundEvent.Kind.DRAFT_APPROVED);
      assertThat(e.id()).isEqualTo("04l5g00000AbCdJAAV:approved");
      assertThat(e.conversationId()).isEqualTo(CASE);
      assertThat(e.actorId()).isEqualTo(AGENT);
      assertThat(e.occurredAt()).isEqualTo(Instant.parse("2026-12-03T18:04:30Z"));
    });
    assertThat(events.get(0).id()).isEqualTo("04l5g00000AbCdJAAV");
    assertThat(soap(Envelopes.caseWith("04l5g00000AbCdKAAV", BOT_QUEUE, AGENT, "Working", false)))
        .as("no field, no approval").noneMatch(e -> e.kind() == InboundEvent.Kind.DRAFT_APPROVED);
  }

  @Test
  void theBotsOwnersAreReadWhenKnownAndIn15Or18Characters() {
    var before = new java.util.concurrent.atomic.AtomicReference<Set<String>>(Set.of());
    var late = new SalesforceWebhookEndpoint(ORG, Optional.empty(), List.of(), before::get);
    var request = soapRequest("/webhooks/acme",
        Envelopes.soap(ORG, List.of(Envelopes.caseWith("04l5g00000AbCdHAAV", BOT_QUEUE, AGENT, "Working", false))), "");
    late.verify(request);
    assertThat(late.decode(request)).singleElement()
        .satisfies(e -> assertThat(e.kind()).as("not known yet").isEqualTo(InboundEvent.Kind.UPDATED));

    before.set(Set.of(BOT_QUEUE.substring(0, 15)));
    late.verify(request);
    assertThat(late.decode(request)).singleElement()
        .satisfies(e -> assertThat(e.kind()).isEqualTo(InboundEvent.Kind.RELEASED_TO_BOT));
  }

  @Test
  void aClosedCaseIsSolved() {
    assertThat(soap(Envelopes.caseWith("04l5g00000AbCdJAAV", AGENT, AGENT, "Closed", true))).singleElement()
        .satisfies(e -> {
          assertThat(e.kind()).isEqualTo(InboundEvent.Kind.SOLVED);
          assertThat(e.snapshot().orElseThrow().closed()).isTrue();
        });
  }

  @Test
  void aCaseWithoutItsDatesIsAnUpdateTheLoadExplains() {
    assertThat(soap(Envelopes.n("04l5g00000AbCdKAAV", "Case", "Id", CASE, "OwnerId", BOT_QUEUE))).singleElement()
        .satisfies(e -> {
          assertThat(e.kind()).isEqualTo(InboundEvent.Kind.UPDATED);
          assertThat(e.occurredAt()).as("no date sent: when it arrived").isEqualTo(NOW);
        });
  }

  // ------------------------------------------------------------------ EmailMessage and CaseComment

  @Test
  void anIncomingEmailIsTheCustomersMessageOnItsCase() {
    assertThat(soap(Envelopes.email("04l5g00000EmAilAAV", "02s5g00000EMIN1AAA", true, "0055g00000AUTOPAAA", "0")))
        .singleElement().satisfies(e -> {
          assertThat(e.kind()).isEqualTo(InboundEvent.Kind.MESSAGE_ADDED);
          assertThat(e.conversationId()).isEqualTo(CASE);
          assertThat(e.actorId()).isEqualTo("0055g00000AUTOPAAA");
          assertThat(e.snapshot()).isEmpty();
          assertThat(e.message()).hasValueSatisfying(m -> {
            assertThat(m.id()).isEqualTo("02s5g00000EMIN1AAA");
            assertThat(m.role()).isEqualTo(AuthorRole.CUSTOMER);
            assertThat(m.visibility()).isEqualTo(Visibility.PUBLIC);
            assertThat(m.text()).isEqualTo("Still smoking.");
            assertThat(m.createdAt()).isEqualTo(Instant.parse("2026-12-03T18:06:00Z"));
          });
        });
  }

  @Test
  void anAgentsSentEmailIsATakeoverSignalAndItsDraftIsNot() {
    var events = soap(Envelopes.email("04l5g00000EmAilBAV", "02s5g00000EMOUTAAA", false, AGENT, "3"),
        Envelopes.email("04l5g00000EmAilCAV", "02s5g00000EMDRFAAA", false, AGENT, "5"));

    assertThat(events).extracting(e -> e.message().orElseThrow().role()).containsOnly(AuthorRole.AGENT);
    assertThat(events).extracting(e -> e.message().orElseThrow().visibility())
        .containsExactly(Visibility.PUBLIC, Visibility.INTERNAL);
    assertThat(events.get(0).message().orElseThrow().authorId()).isEqualTo(AGENT);
  }

  @Test
  void theBotsOwnWritesComeBackWithTheIntegrationUserAsAuthor() {
    var events = soap(Envelopes.email("04l5g00000EmAilDAV", "02s5g00000EMBOTAAA", false, INTEGRATION_USER, "3"),
        Envelopes.comment("04l5g00000CoMmAAAV", "00a5g00000COMBOAAA", true, INTEGRATION_USER, "Try turning it off."),
        Envelopes.comment("04l5g00000CoMmBAAV", "00a5g00000COMNOAAA", false, INTEGRATION_USER, "Summary: ..."));

    assertThat(events).hasSize(3).allSatisfy(e -> {
      assertThat(e.actorId()).isEqualTo(INTEGRATION_USER);
      assertThat(e.message()).as("carried, so the engine drops the echo without a load")
          .hasValueSatisfying(m -> assertThat(m.authorId()).isEqualTo(INTEGRATION_USER));
    });
  }

  @Test
  void anUnpublishedCommentIsANoteAndAPublishedOneASignalForTheLoad() {
    var events = soap(Envelopes.comment("04l5g00000CoMmCAAV", "00a5g00000COMN1AAA", false, AGENT, "VIP customer"),
        Envelopes.comment("04l5g00000CoMmDAAV", "00a5g00000COMP1AAA", true, PORTAL_USER, "Any news?"),
        Envelopes.comment("04l5g00000CoMmEAAV", "00a5g00000COMP2AAA", true, AGENT, "On it."));

    assertThat(events).extracting(InboundEvent::kind).containsOnly(InboundEvent.Kind.MESSAGE_ADDED);
    assertThat(events).extracting(InboundEvent::conversationId).containsOnly(CASE);
    assertThat(events.get(0).message()).hasValueSatisfying(m -> {
      assertThat(m.id()).isEqualTo("00a5g00000COMN1AAA");
      assertThat(m.visibility()).isEqualTo(Visibility.INTERNAL);
      assertThat(m.text()).isEqualTo("VIP customer");
    });
    assertThat(events.get(1).message()).as("customer or agent: CreatedBy.UserType, on the load").isEmpty();
    assertThat(events.get(1).actorId()).isEqualTo(PORTAL_USER);
    assertThat(events.get(2).message()).isEmpty();
  }

  @Test
  void anEmailOnNoCaseAndOtherObjectsAreAcknowledgedAndIgnored() {
    assertThat(soap(Envelopes.n("04l5g00000EmAilEAV", "EmailMessage", "Id", "02s5g00000EMXXXAAA", "Incoming", "true"),
        Envelopes.n("04l5g00000AcCtAAAV", "Account", "Id", "0015g00000ACCTAAAA"))).isEmpty();
  }

  // ------------------------------------------------------------------ one message

  @Test
  void theSameNotificationTwiceInOneMessageIsOneEventAndOrderIsKept() {
    var created = Envelopes.caseCreated("04l5g00000AbCdEAAV");
    var email = Envelopes.email("04l5g00000EmAilAAV", "02s5g00000EMIN1AAA", true, PORTAL_USER, "0");

    assertThat(soap(created, email, created, email)).extracting(InboundEvent::id)
        .containsExactly("04l5g00000AbCdEAAV", "04l5g00000EmAilAAV");
  }

  @Test
  void aHundredNotificationsAreAcceptedAndAHundredAndOneRefused() {
    var hundred = new ArrayList<Envelopes.N>();
    for (int i = 0; i < 101; i++) {
      hundred.add(Envelopes.comment("04l5g0000%08dAAA".formatted(i), "00a5g0000%08dAAA".formatted(i), true,
          PORTAL_USER, "n" + i));
    }
    assertThat(accept(soapRequest("/webhooks/acme", Envelopes.soap(ORG, hundred.subList(0, 100)), ""))).hasSize(100);
    assertThat(accept(jsonRequest("/webhooks/acme", Envelopes.json(ORG, hundred.subList(0, 100))))).hasSize(100);

    var soap = refusal(() -> accept(soapRequest("/webhooks/acme", Envelopes.soap(ORG, hundred), "")));
    var json = refusal(() -> accept(jsonRequest("/webhooks/acme", Envelopes.json(ORG, hundred))));
    assertThat(List.of(soap.status(), json.status())).containsOnly(400);
    assertThat(soap.getMessage()).contains("more than 100");
    assertThat(json.getMessage()).contains("more than 100");
  }

  @Test
  void theJsonFormGivesTheSameEventsAsTheSoapForm() {
    var all = List.of(Envelopes.caseCreated("04l5g00000AbCdEAAV"),
        Envelopes.caseWith("04l5g00000AbCdHAAV", BOT_QUEUE, AGENT, "Working", false),
        Envelopes.caseWith("04l5g00000AbCdJAAV", AGENT, AGENT, "Closed", true),
        Envelopes.email("04l5g00000EmAilAAV", "02s5g00000EMIN1AAA", true, PORTAL_USER, "0"),
        Envelopes.email("04l5g00000EmAilBAV", "02s5g00000EMOUTAAA", false, AGENT, "3"),
        Envelopes.comment("04l5g00000CoMmCAAV", "00a5g00000COMN1AAA", false, AGENT, "VIP \"customer\"\nline 2"),
        Envelopes.comment("04l5g00000CoMmDAAV", "00a5g00000COMP1AAA", true, PORTAL_USER, "Any news?"));

    var fromSoap = accept(soapRequest("/webhooks/acme", Envelopes.soap(ORG, all), ""));
    var fromJson = accept(jsonRequest("/webhooks/acme", Envelopes.json(ORG, all)));

    assertThat(fromSoap).hasSize(7);
    assertThat(fromJson).isEqualTo(fromSoap);
  }

  @Test
  void theJsonFormTakesTheTypeFromApexAttributesAndNumbersAsText() {
    String body = """
        {"organizationId":"00D5g000000ABCD","notifications":[{"id":"04l5g00000AbCdEAAV","sObject":{
          "attributes":{"type":"CaseComment","url":"/services/data/v64.0/sobjects/CaseComment/00a5g00000COMN1AAA"},
          "Id":"00a5g00000COMN1AAA","ParentId":"5005g00000XyZ12","IsPublished":false,"CommentBody":42,
          "CreatedById":null}}]}""";
    assertThat(accept(jsonRequest("/webhooks/acme", body.getBytes(StandardCharsets.UTF_8)))).singleElement()
        .satisfies(e -> {
          assertThat(e.conversationId()).as("a 15-character id in its 18-character form").isEqualTo(CASE).endsWith("AAF");
          assertThat(e.message().orElseThrow().text()).isEqualTo("42");
          assertThat(e.actorId()).isEmpty();
        });
  }

  // ------------------------------------------------------------------ checks

  @Test
  void anotherOrganizationIsRefusedWith401AndTheSameOrgIn15CharactersIsNot() {
    var other = refusal(() -> accept(soapRequest("/webhooks/acme",
        Envelopes.soap("00D5g000000ZZZZEAA", List.of(Envelopes.caseCreated("04l5g00000AbCdEAAV"))), "")));
    assertThat(other.status()).isEqualTo(401);
    assertThat(other.getMessage()).contains("OrganizationId");
    var otherJson = refusal(() -> accept(jsonRequest("/webhooks/acme",
        Envelopes.json("00D5g000000abcdEAA", List.of(Envelopes.caseCreated("04l5g00000AbCdEAAV"))))));
    assertThat(otherJson.status()).as("ids are case-sensitive").isEqualTo(401);

    assertThat(accept(soapRequest("/webhooks/acme", Envelopes.soap("00D5g000000ABCD",
        List.of(Envelopes.caseCreated("04l5g00000AbCdEAAV"))), ""))).hasSize(1);
    var configured15 = new SalesforceWebhookEndpoint("00D5g000000ABCD", Optional.empty(), List.of(), Set::of);
    var request = soapRequest("/webhooks/acme", Envelopes.soap(ORG, List.of(Envelopes.caseCreated("04l5g00000AbCdEAAV"))), "");
    configured15.verify(request);
    assertThat(configured15.decode(request)).hasSize(1);
  }

  @Test
  void aConfiguredPathTokenMustEndThePath() {
    var withToken = new SalesforceWebhookEndpoint(ORG, Optional.of("k9Xq-2Lp_7"), List.of(), Set::of);
    byte[] body = Envelopes.soap(ORG, List.of(Envelopes.caseCreated("04l5g00000AbCdEAAV")));

    withToken.verify(soapRequest("/webhooks/acme/k9Xq-2Lp_7", body, ""));
    for (String path : List.of("/webhooks/acme", "/webhooks/acme/k9Xq-2Lp_8", "/webhooks/acme/k9Xq-2Lp_7x",
        "/webhooks/acme/", "/webhooks/acme/K9XQ-2LP_7")) {
      var refused = refusal(() -> withToken.verify(soapRequest(path, body, "")));
      assertThat(refused.status()).as(path).isEqualTo(401);
      assertThat(refused.getMessage()).as("never the token").doesNotContain("k9Xq");
    }
    endpoint.verify(soapRequest("/webhooks/acme/anything", body, "")); // no token configured: not checked
  }

  @Test
  void theAllowListRefusesOtherAddressesWith403() {
    var listed = new SalesforceWebhookEndpoint(ORG, Optional.empty(), List.of("13.108.0.0/14", "2001:db8::/32",
        "198.51.100.7"), Set::of);
    byte[] body = Envelopes.soap(ORG, List.of(Envelopes.caseCreated("04l5g00000AbCdEAAV")));

    for (String ok : List.of("13.108.0.1", "13.111.255.254", "2001:db8:0:0:0:0:0:1", "[2001:db8::2]", "198.51.100.7",
        "::ffff:13.109.2.3")) {
      listed.verify(soapRequest("/webhooks/acme", body, ok));
    }
    for (String no : List.of("13.112.0.1", "13.107.255.255", "2001:db9::1", "198.51.100.8", "", "localhost",
        "not an address")) {
      assertThat(refusal(() -> listed.verify(soapRequest("/webhooks/acme", body, no))).status()).as(no).isEqualTo(403);
    }
    assertThatThrownBy(() -> new SalesforceWebhookEndpoint(ORG, Optional.empty(), List.of("13.108.0.0/33"), Set::of))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("webhook.allowFrom");
    assertThatThrownBy(() -> new SalesforceWebhookEndpoint(ORG, Optional.empty(), List.of("example.com"), Set::of))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("webhook.allowFrom");
    assertThatThrownBy(() -> new SalesforceWebhookEndpoint("00Dshort", Optional.empty(), List.of(), Set::of))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("organizationId");
  }

  // ------------------------------------------------------------------ malformed bodies

  @Test
  void malformedBodiesAreRefusedWith400AndAReason() {
    String envelope = new String(Envelopes.soap(ORG, List.of(Envelopes.caseCreated("04l5g00000AbCdEAAV"))),
        StandardCharsets.UTF_8);
    var cases = Map.of(
        "not xml", "well-formed",
        envelope.substring(0, envelope.length() / 2), "well-formed",
        "<notifications xmlns=\"http://soap.sforce.com/2005/09/outbound\"/>", "SOAP 1.1 Envelope",
        envelope.replace("http://soap.sforce.com/2005/09/outbound", "urn:other"), "no notifications",
        envelope.replace("<OrganizationId>" + ORG + "</OrganizationId>", ""), "OrganizationId",
        envelope.replace("xsi:type=\"sf:Case\"", ""), "xsi:type",
        envelope.replace("<Id>04l5g00000AbCdEAAV</Id>", ""), "has no Id",
        envelope.replace("<sf:Id>" + CASE + "</sf:Id>", "<sf:Id>001XYZ</sf:Id>"), "not a Case id");
    cases.forEach((body, reason) -> {
      var refused = refusal(() -> accept(soapRequest("/webhooks/acme", body.getBytes(StandardCharsets.UTF_8), "")));
      assertThat(refused.status()).as(reason).isEqualTo(400);
      assertThat(refused.getMessage()).as(body).contains(reason);
    });
    var json = refusal(() -> accept(jsonRequest("/webhooks/acme", "{\"organizationId\":".getBytes(StandardCharsets.UTF_8))));
    assertThat(json.status()).isEqualTo(400);
    var type = refusal(() -> accept(new WebhookRequest("POST", "/webhooks/acme",
        Map.of("Content-Type", List.of("text/plain")), envelope.getBytes(StandardCharsets.UTF_8), NOW)));
    assertThat(type.status()).isEqualTo(415);
  }

  @Test
  void aDoctypeIsRefusedSoNoEntityIsEverExpandedOrFetched() throws Exception {
    var secret = java.nio.file.Files.createTempFile("sfhook", ".txt");
    java.nio.file.Files.writeString(secret, "TOP-SECRET");
    String xxe = """
        <?xml version="1.0"?>
        <!DOCTYPE Envelope [<!ENTITY x SYSTEM "%s">]>
        <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body>
        <notifications xmlns="http://soap.sforce.com/2005/09/outbound"><OrganizationId>&x;</OrganizationId>
        </notifications></soapenv:Body></soapenv:Envelope>""".formatted(secret.toUri());
    String bomb = "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;\">]>"
        + "<a>&b;</a>";
    try {
      for (String body : List.of(xxe, bomb)) {
        var refused = refusal(() -> accept(soapRequest("/webhooks/acme", body.getBytes(StandardCharsets.UTF_8), "")));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.getMessage()).contains("DOCTYPE").doesNotContain("TOP-SECRET");
      }
    } finally {
      java.nio.file.Files.delete(secret);
    }
  }

  // ------------------------------------------------------------------ answers

  @Test
  void acknowledgesWithTheWsdlsExactEnvelopeOrJson() {
    var soap = endpoint.acknowledge(soapRequest("/webhooks/acme", new byte[0], ""), List.of());
    assertThat(soap.status()).isEqualTo(200);
    assertThat(soap.contentType()).isEqualTo("text/xml; charset=utf-8");
    assertThat(soap.body()).isEqualTo("<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\">"
        + "<soapenv:Body><notificationsResponse xmlns=\"http://soap.sforce.com/2005/09/outbound\"><Ack>true</Ack>"
        + "</notificationsResponse></soapenv:Body></soapenv:Envelope>");
    var json = endpoint.acknowledge(jsonRequest("/webhooks/acme", new byte[0]), List.of());
    assertThat(json.contentType()).isEqualTo("application/json");
    assertThat(json.body()).isEqualTo("{\"ack\":true}");
  }

  @Test
  void refusesWithASoapFaultCarryingTheReasonAndTheStatusOrJsonForJson() {
    var refusal = WebhookRejectedException.badRequest("Notification 3 has no <Id> & more \u0001");
    var soap = endpoint.refuse(soapRequest("/webhooks/acme", new byte[0], ""), refusal);
    assertThat(soap.status()).isEqualTo(400);
    assertThat(soap.contentType()).startsWith("text/xml");
    assertThat(soap.body()).startsWith("<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\">")
        .contains("<soapenv:Fault><faultcode>soapenv:Client</faultcode>"
            + "<faultstring>Notification 3 has no &lt;Id&gt; &amp; more </faultstring></soapenv:Fault>");
    var json = endpoint.refuse(jsonRequest("/webhooks/acme", new byte[0]), WebhookRejectedException.unauthorized("no"));
    assertThat(json.status()).isEqualTo(401);
    assertThat(json.body()).isEqualTo("{\"error\":\"no\"}");
  }
}
