package io.deskbridge.zendesk.internal.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.core.error.VendorException;
import io.deskbridge.core.error.VendorException.Kind;
import java.lang.reflect.Proxy;
import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.asynchttpclient.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.zendesk.client.v2.ZendeskException;
import org.zendesk.client.v2.ZendeskResponseException;
import org.zendesk.client.v2.ZendeskResponseRateLimitException;

class ZendeskErrorMapperTest {
  private final ZendeskErrorMapper mapper = new ZendeskErrorMapper();

  /** Every failure the Zendesk client throws, and the kind it must become; together they cover every vendor kind. */
  static Stream<Arguments> failures() {
    return Stream.of(
        Arguments.of("HTTP 400", status(400), Kind.INVALID),
        Arguments.of("HTTP 401", status(401), Kind.AUTH),
        Arguments.of("HTTP 403", status(403), Kind.FORBIDDEN),
        Arguments.of("HTTP 404", status(404), Kind.NOT_FOUND),
        Arguments.of("HTTP 409", status(409), Kind.CONFLICT),
        Arguments.of("HTTP 422", status(422), Kind.INVALID),
        Arguments.of("HTTP 429", rateLimit("30"), Kind.RATE_LIMITED),
        Arguments.of("HTTP 500", status(500), Kind.UNAVAILABLE),
        Arguments.of("HTTP 502", status(502), Kind.UNAVAILABLE),
        Arguments.of("HTTP 503", status(503), Kind.NOT_PROCESSED),
        Arguments.of("HTTP 504", status(504), Kind.UNAVAILABLE),
        Arguments.of("timeout", (Supplier<Throwable>) () -> new ZendeskException("timed out",
            new TimeoutException("60000 ms")), Kind.UNAVAILABLE),
        Arguments.of("I/O", (Supplier<Throwable>) () -> new ZendeskException("Connection refused",
            new ConnectException("Connection refused")), Kind.UNAVAILABLE),
        Arguments.of("a bug", (Supplier<Throwable>) () -> new NullPointerException("bug"), Kind.INVALID),
        Arguments.of("already mapped", (Supplier<Throwable>) () -> new VendorException(Kind.PAUSED, "circuit open",
            Duration.ofSeconds(5), null), Kind.PAUSED));
  }

  @ParameterizedTest(name = "{0} -> {2}")
  @MethodSource("failures")
  void mapsEachFailureToItsKind(String what, Supplier<Throwable> failure, Kind kind) {
    Throwable thrown = failure.get();
    VendorException e = mapper.map(thrown);

    assertThat(e.kind()).isEqualTo(kind);
    assertThat(e.retriable()).isEqualTo(kind.retriable());
    if (thrown instanceof VendorException) {
      assertThat(e).isSameAs(thrown);
    } else {
      assertThat(e).hasCause(thrown);
    }
    if (thrown instanceof ZendeskResponseException r) {
      assertThat(e.getMessage()).as("the status is kept as text for the log").contains("HTTP " + r.getStatusCode());
    }
  }

  @Test
  void aRateLimitKeepsZendesksRetryAfter() {
    VendorException e = mapper.map(rateLimit("7").get());

    assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
    assertThat(e.notProcessed()).isTrue();
  }

  @Test
  void aServerFaultMayHaveBeenProcessedButA503WasNot() {
    assertThat(mapper.map(status(500).get()).notProcessed()).isFalse();
    assertThat(mapper.map(status(503).get()).notProcessed()).isTrue();
  }

  @Test
  void theResponseBodyIsCutForTheLog() {
    var long_ = "x".repeat(1000);
    VendorException e = mapper.map(new ZendeskResponseException(422, "Unprocessable Entity", long_));

    assertThat(e.getMessage()).contains("x".repeat(300) + "…").doesNotContain("x".repeat(301));
  }

  private static Supplier<Throwable> status(int status) {
    return () -> new ZendeskResponseException(status, "status " + status, "{\"error\":\"x\"}");
  }

  /** The client builds its 429 exception from the HTTP response; this response has only what it reads. */
  private static Supplier<Throwable> rateLimit(String retryAfterSeconds) {
    return () -> new ZendeskResponseRateLimitException((Response) Proxy.newProxyInstance(
        ZendeskErrorMapperTest.class.getClassLoader(), new Class<?>[] {Response.class}, (proxy, method, args) ->
            switch (method.getName()) {
              case "getStatusCode" -> 429;
              case "getStatusText" -> "Too Many Requests";
              case "getResponseBody" -> "{\"error\":\"APIRateLimitExceeded\"}";
              case "getHeader" -> "Retry-After".equalsIgnoreCase(args[0].toString()) ? retryAfterSeconds : null;
              default -> throw new UnsupportedOperationException(method.getName());
            }));
  }
}
