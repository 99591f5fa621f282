package io.deskbridge.zendesk.internal.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.core.config.Secret;
import io.deskbridge.zendesk.ZendeskMessagingConfig;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ZendeskMessagingClientTest {
  private static ZendeskMessagingClient client(Optional<String> field) {
    return new ZendeskMessagingClient(new ZendeskMessagingConfig(URI.create("http://localhost:1/sc"), "app", "app_1",
        Secret.of("k"), ZendeskMessagingConfig.Auth.BASIC, Secret.of("w"), "deskbridge", "zd:agentWorkspace", true,
        field, "Assistant", Duration.ofSeconds(1)), "installations[chat].settings", "deskbridge_handover");
  }

  private static int bytes(Object json) {
    return json.toString().getBytes(StandardCharsets.UTF_8).length;
  }

  @Test
  void aShortSummaryIsKeptWholeUnderFlatKeys() {
    var m = client(Optional.empty()).metadata(Optional.of("m1"), "36000002", List.of("deskbridge_handover", "vip"),
        "Customer asks for a refund of order 48213.");

    assertThat(m.get("first_message_id").asText()).isEqualTo("m1");
    assertThat(m.get("dataCapture.systemField.group_id").asText()).isEqualTo("36000002");
    assertThat(m.get("dataCapture.systemField.tags").asText()).isEqualTo("deskbridge_handover,vip");
    assertThat(m.get("deskbridge_summary").asText()).isEqualTo("Customer asks for a refund of order 48213.");
    m.fields().forEachRemaining(e -> assertThat(e.getValue().isValueNode()).as(e.getKey()).isTrue());
  }

  @Test
  void aLongSummaryIsCutSoTheMetadataFits4KbInUtf8() {
    String summary = "Zákazník žádá vrácení peněz za objednávku 48213. ".repeat(200) + "😀".repeat(50);
    var m = client(Optional.of("7787437179547")).metadata(Optional.of("m1"), "36000002", List.of("deskbridge_handover"),
        summary);

    String cut = m.get("dataCapture.ticketField.7787437179547").asText();
    assertThat(bytes(m)).isLessThanOrEqualTo(4096).isGreaterThan(4000);
    assertThat(cut).endsWith("…").startsWith("Zákazník žádá");
    assertThat(m.has("first_message_id")).isTrue();
    assertThat(Character.isHighSurrogate(cut.charAt(cut.length() - 2))).isFalse();
  }

  @Test
  void longRepliesAreSplitAtBreaksWithinSuncosTextLimit() {
    String text = ("A paragraph about returns. ".repeat(100) + "\n\n").repeat(3);
    var parts = ZendeskMessagingClient.parts(text, 4096);

    assertThat(parts).hasSizeGreaterThan(1).allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(4096));
    assertThat(String.join(" ", parts).replaceAll("\\s+", " ")).isEqualTo(text.strip().replaceAll("\\s+", " "));
    assertThat(ZendeskMessagingClient.parts("short", 4096)).containsExactly("short");
  }

  @Test
  void theAppJwtIsHs256WithTheKeyIdAndAppScope() throws Exception {
    String jwt = ZendeskMessagingHttp.appJwt("app_123", Secret.of("secret"));
    String[] parts = jwt.split("\\.");
    var decoder = java.util.Base64.getUrlDecoder();

    assertThat(new String(decoder.decode(parts[0]), StandardCharsets.UTF_8))
        .isEqualTo("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"app_123\"}");
    assertThat(new String(decoder.decode(parts[1]), StandardCharsets.UTF_8)).isEqualTo("{\"scope\":\"app\"}");
    var mac = javax.crypto.Mac.getInstance("HmacSHA256");
    mac.init(new javax.crypto.spec.SecretKeySpec("secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    assertThat(decoder.decode(parts[2]))
        .isEqualTo(mac.doFinal((parts[0] + "." + parts[1]).getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void withoutTheSupportApiTheConnectorWarnsOnceAndKeepsNotesToTheMetadataLimit() {
    var config = new ZendeskMessagingConfig(URI.create("http://localhost:1/sc"), "app", "app_1", Secret.of("k"),
        ZendeskMessagingConfig.Auth.BASIC, Secret.of("w"), "deskbridge", "zd:agentWorkspace", true, Optional.empty(),
        "Assistant", Duration.ofSeconds(1));
    var without = new ZendeskMessagingClient(config, "installations[chat].settings", "deskbridge_handover");
    assertThat(without.postsFullSummaries()).isFalse();

    var support = new ZendeskMessagingConfig.Support(URI.create("http://localhost:1"), "bot@acme.example",
        Secret.of("t"), Secret.of("s"), Duration.ofMinutes(5));
    var with = new ZendeskMessagingClient(new ZendeskMessagingConfig(config.url(), "app", "app_1", Secret.of("k"),
        ZendeskMessagingConfig.Auth.BASIC, Secret.of("w"), "deskbridge", "zd:agentWorkspace", true, Optional.empty(),
        "Assistant", Duration.ofSeconds(1), Optional.of(support)), "installations[chat].settings", "h");
    assertThat(with.postsFullSummaries()).isTrue();
    with.close();
    without.close();
  }
}
