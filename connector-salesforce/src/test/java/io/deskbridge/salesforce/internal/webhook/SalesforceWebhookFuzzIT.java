package io.deskbridge.salesforce.internal.webhook;

import static io.deskbridge.salesforce.internal.webhook.Envelopes.AGENT;
import static io.deskbridge.salesforce.internal.webhook.Envelopes.BOT_QUEUE;
import static io.deskbridge.salesforce.internal.webhook.Envelopes.INTEGRATION_USER;
import static io.deskbridge.salesforce.internal.webhook.Envelopes.ORG;
import static io.deskbridge.salesforce.internal.webhook.Envelopes.PORTAL_USER;
import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.core.hosting.WebhookHandler;
import io.deskbridge.core.hosting.WebhookServer;
import io.deskbridge.core.store.JdbcStore;
import io.deskbridge.core.store.StoreConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Malformed and hostile Outbound Messages and Flow callouts against core's real webhook server, handler and store
 * with the Salesforce endpoint: none gets a 5xx (so no exception escapes the endpoint), none that is refused
 * writes anything, what must be refused is refused with its status, every answer is in the request's format, and
 * a genuine message is still acknowledged after. Seeded: {@code -Dfuzz.seed=N -Dfuzz.count=N} repeat or widen a
 * run.
 */
class SalesforceWebhookFuzzIT {
  private static final long SEED = Long.getLong("fuzz.seed", 20261203L);
  private static final int COUNT = Integer.getInteger("fuzz.count", 500);
  private static final String PATH = "/webhooks/acme/" + SalesforceWebhookServerIT.TOKEN;

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final AtomicInteger sinkCalls = new AtomicInteger();
  private JdbcStore store;
  private WebhookServer server;

  @BeforeEach
  void start() {
    store = JdbcStore.open(StoreConfig.h2Memory("sfhook-fuzz-" + System.nanoTime()));
    var endpoint = SalesforceWebhookServerIT.endpoint();
    var handler = new WebhookHandler(id -> id.equals("acme") ? Optional.of(endpoint) : Optional.empty(),
        (id, events) -> {
          sinkCalls.incrementAndGet();
          return store.receive(id, "salesforce", events, java.time.Instant.now());
        }, store, Clock.systemUTC());
    server = WebhookServer.start("127.0.0.1", 0, 1 << 20, handler, Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    server.close();
    store.close();
  }

  /** One generated request: what it is, and the status it must get when that is certain. */
  record Sample(String mutation, String path, String contentType, byte[] body, OptionalInt mustBe) {}

  static final class Fuzzer {
    private final Random random;
    private int serial;

    Fuzzer(long seed) {
      random = new Random(seed);
    }

    private String id(String prefix) {
      return SalesforceIds.to18(prefix + "5g" + "%010d".formatted(serial++));
    }

    private List<Envelopes.N> notifications(int count) {
      var list = new ArrayList<Envelopes.N>();
      for (int i = 0; i < count; i++) {
        String nid = id("04l");
        list.add(switch (random.nextInt(6)) {
          case 0 -> Envelopes.caseCreated(nid);
          case 1 -> Envelopes.caseWith(nid, random.nextBoolean() ? BOT_QUEUE : AGENT, AGENT, "Working", false);
          case 2 -> Envelopes.caseWith(nid, AGENT, AGENT, "Closed", true);
          case 3 -> Envelopes.email(nid, id("02s"), random.nextBoolean(), random.nextBoolean() ? AGENT : INTEGRATION_USER,
              Integer.toString(random.nextInt(6)));
          case 4 -> Envelopes.comment(nid, id("00a"), random.nextBoolean(), PORTAL_USER, junkText());
          default -> Envelopes.n(nid, "Account", "Id", id("001"));
        });
      }
      return list;
    }

    private String junkText() {
      var out = new StringBuilder();
      int n = random.nextInt(40);
      for (int i = 0; i < n; i++) {
        out.appendCodePoint(switch (random.nextInt(4)) {
          case 0 -> 'a' + random.nextInt(26);
          case 1 -> "<>&\"'{}[]\\".charAt(random.nextInt(10));
          case 2 -> 0x00e9 + random.nextInt(200);
          default -> 0x1F600 + random.nextInt(50);
        });
      }
      return out.toString();
    }

    Sample next() {
      boolean json = random.nextInt(3) == 0;
      String type = json ? "application/json" : "text/xml; charset=utf-8";
      var notifications = notifications(1 + random.nextInt(5));
      byte[] valid = json ? Envelopes.json(ORG, notifications) : Envelopes.soap(ORG, notifications);
      String text = new String(valid, StandardCharsets.UTF_8);
      String soapText = new String(Envelopes.soap(ORG, notifications), StandardCharsets.UTF_8);
      int kind = random.nextInt(16);
      return switch (kind) {
        case 0 -> new Sample("valid", PATH, type, valid, OptionalInt.of(200));
        case 1 -> {
          int end = json ? text.length() - 1 : text.lastIndexOf('>');
          yield new Sample("truncated", PATH, type, text.substring(0, random.nextInt(end)).getBytes(StandardCharsets.UTF_8),
              OptionalInt.of(400));
        }
        case 2 -> {
          byte[] flipped = valid.clone();
          for (int i = 0, n = 1 + random.nextInt(5); i < n; i++) {
            flipped[random.nextInt(flipped.length)] = (byte) random.nextInt(256);
          }
          yield new Sample("byte flips", PATH, type, flipped, OptionalInt.empty());
        }
        case 3 -> {
          var lines = new ArrayList<>(text.lines().toList());
          int at = random.nextInt(lines.size());
          if (random.nextBoolean()) {
            lines.remove(at);
          } else {
            lines.add(at, lines.get(random.nextInt(lines.size())));
          }
          yield new Sample("line dropped or repeated", PATH, type, String.join("\n", lines).getBytes(StandardCharsets.UTF_8),
              OptionalInt.empty());
        }
        case 4 -> {
          String junk = switch (random.nextInt(5)) {
            case 0 -> "";
            case 1 -> "x".repeat(600);
            case 2 -> json ? "\\u0001" : "&#x1;";
            case 3 -> "500" + junkText();
            default -> "5005g00000XyZ12AAB' OR 1=1";
          };
          yield new Sample("id replaced", PATH, type, text.replaceFirst(json ? "\"Id\":\"[^\"]*\"" : "<sf:Id>[^<]*</sf:Id>",
              json ? "\"Id\":\"" + junk.replace("\\", "\\\\").replace("\"", "\\\"") + "\"" : "<sf:Id>" + junk.replace("'", "&apos;") + "</sf:Id>")
              .getBytes(StandardCharsets.UTF_8), OptionalInt.empty());
        }
        case 5 -> {
          var many = notifications(101);
          yield new Sample("101 notifications", PATH, type, json ? Envelopes.json(ORG, many) : Envelopes.soap(ORG, many),
              OptionalInt.of(400));
        }
        case 6 -> new Sample("other organization", PATH, type,
            json ? Envelopes.json("00D5g000000QQQQEAA", notifications) : Envelopes.soap("00D5g000000QQQQEAA", notifications),
            OptionalInt.of(401));
        case 7 -> new Sample("doctype", PATH, "text/xml", ("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM "
            + "\"file:///etc/passwd\">]>" + soapText.substring(soapText.indexOf("<soapenv:Envelope")))
            .replace("<ActionId>", "<ActionId>&e;").getBytes(StandardCharsets.UTF_8), OptionalInt.of(400));
        case 8 -> {
          int depth = 40 + random.nextInt(3_000);
          String deep = "<a>".repeat(depth) + "</a>".repeat(depth);
          yield new Sample("deep nesting", PATH, "text/xml", soapText.replace("<ActionId>", "<ActionId>" + deep)
              .replace("<sf:Subject>", "<sf:Subject>" + deep).getBytes(StandardCharsets.UTF_8), OptionalInt.of(400));
        }
        case 9 -> {
          byte[] bytes = new byte[random.nextInt(2000)];
          random.nextBytes(bytes);
          yield new Sample("random bytes", PATH, type, bytes, OptionalInt.empty());
        }
        case 10 -> {
          String body = switch (random.nextInt(6)) {
            case 0 -> "[]";
            case 1 -> "{\"organizationId\":\"" + ORG + "\",\"notifications\":{}}";
            case 2 -> "{\"organizationId\":\"" + ORG + "\",\"notifications\":[1,2]}";
            case 3 -> "{\"organizationId\":\"" + ORG + "\",\"notifications\":[{\"id\":\"x\",\"sObject\":[]}]}";
            case 4 -> "{\"organizationId\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
            default -> "null";
          };
          yield new Sample("json of the wrong shape", PATH, "application/json", body.getBytes(StandardCharsets.UTF_8),
              OptionalInt.of(400));
        }
        case 11 -> new Sample("content type", PATH, List.of("text/plain", "application/octet-stream",
            "multipart/form-data").get(random.nextInt(3)), valid, OptionalInt.of(415));
        case 12 -> new Sample("token", List.of("/webhooks/acme", "/webhooks/acme/wrong", PATH + "x").get(random.nextInt(3)),
            type, valid, OptionalInt.of(401));
        case 13 -> new Sample("sObject type removed", PATH, type, (json ? text.replaceFirst("\"type\":\"[A-Za-z]+\",?", "")
            : text.replaceFirst(" xsi:type=\"sf:[A-Za-z]+\"", "")).getBytes(StandardCharsets.UTF_8), OptionalInt.of(400));
        case 14 -> new Sample("duplicated notifications", PATH, type, json
            ? Envelopes.json(ORG, concat(notifications, notifications)) : Envelopes.soap(ORG, concat(notifications, notifications)),
            OptionalInt.of(200));
        default -> new Sample("empty body", PATH, type, new byte[0], OptionalInt.of(400));
      };
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
      var all = new ArrayList<>(a);
      all.addAll(b);
      return all;
    }
  }

  private HttpResponse<String> post(Sample sample) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + sample.path()))
        .header("Content-Type", sample.contentType()).POST(HttpRequest.BodyPublishers.ofByteArray(sample.body())).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void hostileBodiesGetNo5xxWriteNothingWhenRefusedAndAGenuineMessageIsAcknowledgedAfter() throws Exception {
    var fuzzer = new Fuzzer(SEED);
    List<String> violations = new ArrayList<>();
    Map<String, Integer> statuses = new TreeMap<>();

    for (int i = 0; i < COUNT; i++) {
      var sample = fuzzer.next();
      int callsBefore = sinkCalls.get();
      var response = post(sample);
      int status = response.statusCode();
      statuses.merge(sample.mutation() + " -> " + status, 1, Integer::sum);
      boolean jsonAnswer = response.headers().firstValue("Content-Type").orElse("").startsWith("application/json");
      String label = "#" + i + " " + sample.mutation() + ": " + status + " " + response.body();
      if (status >= 500) {
        violations.add(label);
      } else if (sample.mustBe().isPresent() && status != sample.mustBe().getAsInt()) {
        violations.add(label + " (must be " + sample.mustBe().getAsInt() + ")");
      } else if (status >= 400 && sinkCalls.get() != callsBefore) {
        violations.add(label + " (refused but written)");
      } else if (jsonAnswer != sample.contentType().startsWith("application/json")) {
        violations.add(label + " (answered in the other format)");
      } else if (!jsonAnswer && !response.body().startsWith("<soapenv:Envelope")) {
        violations.add(label + " (not a SOAP envelope)");
      }
    }

    assertThat(violations).as("seed %d, answers %s", SEED, statuses).isEmpty();
    assertThat(statuses.keySet()).as("the generator reaches acceptances and each refusal")
        .anyMatch(k -> k.endsWith("-> 200")).anyMatch(k -> k.endsWith("-> 400")).anyMatch(k -> k.endsWith("-> 401"))
        .anyMatch(k -> k.endsWith("-> 415"));
    int before = sinkCalls.get();
    var genuine = post(new Sample("genuine", PATH, "text/xml", Envelopes.soap(ORG,
        List.of(Envelopes.caseCreated("04l5g00000ZzZzZAAV"))), OptionalInt.of(200)));
    assertThat(genuine.statusCode()).isEqualTo(200);
    assertThat(genuine.body()).isEqualTo(SalesforceWebhookEndpoint.ACK);
    assertThat(sinkCalls.get()).isEqualTo(before + 1);
  }
}
