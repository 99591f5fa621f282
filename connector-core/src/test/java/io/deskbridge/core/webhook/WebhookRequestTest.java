package io.deskbridge.core.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookRequestTest {
  private static final Instant AT = Instant.parse("2026-12-03T12:00:00Z");

  private static WebhookRequest request(Map<String, List<String>> query, String remoteAddress) {
    return new WebhookRequest("POST", "/webhooks/acme", query, Map.of("X-Token", List.of("t")),
        "{}".getBytes(StandardCharsets.UTF_8), remoteAddress, AT);
  }

  @Test
  void aQueryParameterIsLookedUpByItsExactNameAndGivesTheFirstValue() {
    var request = request(Map.of("secret", List.of("s1", "s2"), "empty", List.of()), "203.0.113.7");

    assertThat(request.query("secret")).contains("s1");
    assertThat(request.query("Secret")).as("query names are case-sensitive, unlike headers").isEmpty();
    assertThat(request.query("empty")).isEmpty();
    assertThat(request.query("missing")).isEmpty();
    assertThat(request.query()).containsEntry("secret", List.of("s1", "s2"));
    assertThat(request.remoteAddress()).isEqualTo("203.0.113.7");
  }

  @Test
  void theQueryIsACopyThatCannotBeChanged() {
    var values = new ArrayList<>(List.of("a"));
    var query = new HashMap<String, List<String>>(Map.of("k", values));
    var request = request(query, "");
    values.add("b");
    query.put("other", List.of("x"));

    assertThat(request.query()).isEqualTo(Map.of("k", List.of("a")));
    assertThatThrownBy(() -> request.query().put("k", List.of())).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> request.query().get("k").add("c")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void theLogTextNamesTheClientButNeverTheQueryWhichMayHoldASecret() {
    var request = request(Map.of("secret", List.of("hunter2")), "203.0.113.7");

    assertThat(request.toString()).isEqualTo("POST /webhooks/acme (2 bytes) from 203.0.113.7").doesNotContain("hunter2");
    assertThat(request(Map.of(), "").toString()).isEqualTo("POST /webhooks/acme (2 bytes)");
  }

  @Test
  void theLogTextHidesAPathTokenButThePathKeepsIt() {
    var request = new WebhookRequest("POST", "/webhooks/acme/s3cret-token", Map.of(), Map.of(), new byte[0], "", AT);

    assertThat(request.path()).isEqualTo("/webhooks/acme/s3cret-token");
    assertThat(request.toString()).isEqualTo("POST /webhooks/acme/*** (0 bytes)").doesNotContain("s3cret");
  }

  @Test
  void theShortConstructorHasNoQueryAndAnUnknownAddress() {
    var request = new WebhookRequest("POST", "/webhooks/acme", Map.of(), new byte[0], AT);

    assertThat(request.query()).isEmpty();
    assertThat(request.remoteAddress()).isEmpty();
  }
}
