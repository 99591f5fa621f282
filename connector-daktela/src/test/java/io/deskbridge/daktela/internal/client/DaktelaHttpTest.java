package io.deskbridge.daktela.internal.client;

import static org.assertj.core.api.Assertions.assertThat;

import feign.Request;
import feign.Response;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DaktelaHttpTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-04T14:00:00Z"), ZoneOffset.UTC);
  private static final Request REQUEST = Request.create(Request.HttpMethod.PUT,
      "https://acme.daktela.com/api/v6/tickets/12.json?accessToken=tok-secret", Map.of(), null,
      StandardCharsets.UTF_8, null);

  private static Response response(Map<String, java.util.Collection<String>> headers) {
    return Response.builder().status(429).reason("Too Many Requests").request(REQUEST).headers(headers)
        .body(new byte[0]).build();
  }

  @Test
  void aCallIsNamedByMethodAndPathWithoutTheQuery() {
    assertThat(DaktelaHttp.call(REQUEST)).isEqualTo("PUT /api/v6/tickets/12.json");
  }

  @Test
  void retryAfterIsReadInSecondsOrAsAnHttpDate() {
    assertThat(DaktelaHttp.retryAfter(response(Map.of("Retry-After", List.of("12"))), CLOCK))
        .isEqualTo(Duration.ofSeconds(12));
    assertThat(DaktelaHttp.retryAfter(response(Map.of("retry-after", List.of("Fri, 04 Dec 2026 14:00:30 GMT"))), CLOCK))
        .isEqualTo(Duration.ofSeconds(30));
    assertThat(DaktelaHttp.retryAfter(response(Map.of("Retry-After", List.of("soon"))), CLOCK)).isNull();
    assertThat(DaktelaHttp.retryAfter(response(Map.of()), CLOCK)).isNull();
  }

  @Test
  void theBaseUrlLosesItsTrailingSlashes() {
    assertThat(DaktelaHttp.base(java.net.URI.create("https://acme.daktela.com//"))).isEqualTo("https://acme.daktela.com");
  }
}
