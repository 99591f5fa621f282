package io.deskbridge.daktela.internal.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import feign.Request;
import feign.RetryableException;
import feign.codec.DecodeException;
import io.deskbridge.core.error.VendorException;
import io.deskbridge.core.error.VendorException.Kind;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DaktelaErrorMapperTest {
  private static final String URL_WITH_TOKEN = "https://acme.daktela.com/api/v6/tickets/1.json?accessToken=tok-secret";
  private final DaktelaErrorMapper mapper = new DaktelaErrorMapper();

  /** Every failure the Daktela client throws, and the kind it must become; together every kind the mapper gives. */
  static Stream<Arguments> failures() {
    return Stream.of(
        Arguments.of("HTTP 400 form", status(400, "category"), Kind.INVALID),
        Arguments.of("HTTP 401", status(401, null), Kind.AUTH),
        Arguments.of("HTTP 403", status(403, null), Kind.FORBIDDEN),
        Arguments.of("HTTP 404", status(404, null), Kind.NOT_FOUND),
        Arguments.of("HTTP 429", status(429, null), Kind.RATE_LIMITED),
        Arguments.of("HTTP 500", status(500, null), Kind.UNAVAILABLE),
        Arguments.of("HTTP 502", status(502, null), Kind.UNAVAILABLE),
        Arguments.of("HTTP 503", status(503, null), Kind.NOT_PROCESSED),
        Arguments.of("HTTP 504", status(504, null), Kind.UNAVAILABLE),
        Arguments.of("connect refused", io(new ConnectException("Connection refused")), Kind.UNAVAILABLE),
        Arguments.of("read timeout", io(new HttpTimeoutException("request timed out")), Kind.UNAVAILABLE),
        Arguments.of("not JSON", (Supplier<Throwable>) () -> new DecodeException(200, "Unexpected character",
            request(), new com.fasterxml.jackson.core.JsonParseException(null, "Unexpected character '<'")),
            Kind.INVALID),
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
    assertThat(e.getMessage()).as("the access token in a query URL never reaches a message").doesNotContain("tok-secret");
    if (thrown instanceof VendorException) {
      assertThat(e).isSameAs(thrown);
    } else if (thrown instanceof DaktelaApiException d) {
      assertThat(e).hasCause(thrown);
      assertThat(e.getMessage()).contains("HTTP " + d.status());
    } else if (thrown instanceof RetryableException r) {
      assertThat(e.getCause()).as("the I/O failure, not Feign's message with the URL").isSameAs(r.getCause());
    }
  }

  @Test
  void aRateLimitKeepsDaktelasRetryAfter() {
    VendorException e = mapper.map(new DaktelaApiException(429, "GET /api/v6/tickets.json", "", null,
        Duration.ofSeconds(7)));

    assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
  }

  @Test
  void aValidationErrorNamesTheFormField() {
    VendorException e = mapper.map(new DaktelaApiException(400, "PUT /api/v6/tickets/12.json",
        "category: Unknown category", "category", null));

    assertThat(e.kind()).isEqualTo(Kind.INVALID);
    assertThat(e.getMessage()).isEqualTo("Daktela PUT /api/v6/tickets/12.json answered 400: category: Unknown category "
        + "(invalid field 'category') (HTTP 400)");
  }

  private static Supplier<Throwable> status(int status, String field) {
    return () -> new DaktelaApiException(status, "GET /api/v6/tickets/1.json", field == null ? "" : field + ": bad",
        field, status == 429 ? Duration.ofSeconds(3) : null);
  }

  /** Feign wraps a failure with no answer in a RetryableException whose message holds the request URL. */
  private static Supplier<Throwable> io(java.io.IOException cause) {
    return () -> new RetryableException(-1, cause.getMessage() + " executing GET " + URL_WITH_TOKEN,
        Request.HttpMethod.GET, cause, (Long) null, request());
  }

  private static Request request() {
    return Request.create(Request.HttpMethod.GET, URL_WITH_TOKEN, Map.of(), null, StandardCharsets.UTF_8, null);
  }
}
