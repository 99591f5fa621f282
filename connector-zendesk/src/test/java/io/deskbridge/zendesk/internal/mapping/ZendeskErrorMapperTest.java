package io.deskbridge.zendesk.internal.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.core.error.NonRetriableVendorException;
import io.deskbridge.core.error.RetriableVendorException;
import io.deskbridge.core.error.VendorException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.zendesk.client.v2.ZendeskException;
import org.zendesk.client.v2.ZendeskResponseException;

class ZendeskErrorMapperTest {
  private final ZendeskErrorMapper mapper = new ZendeskErrorMapper();

  @ParameterizedTest(name = "HTTP {0} -> {1}")
  @CsvSource({
      "400, INVALID", "401, AUTHENTICATION", "403, FORBIDDEN", "404, NOT_FOUND", "409, CONFLICT", "422, INVALID",
      "429, RATE_LIMITED", "500, UNAVAILABLE", "502, UNAVAILABLE", "503, UNAVAILABLE", "504, TIMEOUT"})
  void mapsStatus(int status, String kind) {
    VendorException e = mapper.map(new ZendeskResponseException(status, "status " + status, "{\"error\":\"x\"}"));

    assertThat(e.status()).isEqualTo(status);
    if (e instanceof RetriableVendorException r) {
      assertThat(r.kind().name()).isEqualTo(kind);
    } else {
      assertThat(((NonRetriableVendorException) e).kind().name()).isEqualTo(kind);
    }
    assertThat(e.retriable()).isEqualTo(status == 429 || status >= 500);
  }

  @org.junit.jupiter.api.Test
  void aTimeoutIsRetriable() {
    VendorException e = mapper.map(new ZendeskException("timed out", new java.util.concurrent.TimeoutException("60000 ms")));
    assertThat(e).isInstanceOfSatisfying(RetriableVendorException.class,
        r -> assertThat(r.kind()).isEqualTo(RetriableVendorException.Kind.TIMEOUT));
  }

  @org.junit.jupiter.api.Test
  void anUnexpectedFailureIsNotRetriable() {
    VendorException e = mapper.map(new NullPointerException("bug"));
    assertThat(e).isInstanceOfSatisfying(NonRetriableVendorException.class,
        n -> assertThat(n.kind()).isEqualTo(NonRetriableVendorException.Kind.UNKNOWN));
  }

  @org.junit.jupiter.api.Test
  void anIoFailureIsRetriable() {
    VendorException e = mapper.map(new ZendeskException("Connection refused"));
    assertThat(e.retriable()).isTrue();
    assertThat(e.status()).isEqualTo(-1);
  }
}
