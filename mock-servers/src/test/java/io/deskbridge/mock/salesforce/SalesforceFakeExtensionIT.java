package io.deskbridge.mock.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The JUnit 5 extension fails a test whose code under test sent the fake a request it does not serve. */
class SalesforceFakeExtensionIT {
  @Test
  void aTestThatSentAnUnmatchedRequestFailsAndTheNextTestGetsAFreshFake() throws Exception {
    SalesforceFakeExtension ext = new SalesforceFakeExtension();
    ext.beforeEach(null);
    SalesforceFake first = ext.fake();
    first.customerCreatesCase("ann@example.com", "Ann", "S", "D", "Web");
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create(first.baseUrl() + "/services/data/v64.0/query?q=SELECT+Id+FROM+Case")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(404);

    assertThatThrownBy(() -> ext.afterEach(null)).isInstanceOf(AssertionError.class)
        .hasMessageContaining("GET /services/data/v64.0/query?q=SELECT+Id+FROM+Case");

    ext.beforeEach(null);
    assertThat(ext.fake()).isNotSameAs(first);
    assertThat(ext.fake().cases()).isEmpty();
    ext.afterEach(null);
    ext.afterAll(null);
  }
}
