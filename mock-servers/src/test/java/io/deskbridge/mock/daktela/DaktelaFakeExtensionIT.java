package io.deskbridge.mock.daktela;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The JUnit 5 extension fails a test whose code under test sent the fake a request it does not serve. */
class DaktelaFakeExtensionIT {
  @Test
  void aTestThatSentAnUnmatchedRequestFailsAndTheNextTestGetsAFreshFake() {
    DaktelaFakeExtension ext = new DaktelaFakeExtension();
    ext.beforeEach(null);
    DaktelaFake first = ext.fake();
    first.customerCreatesTicket("ann@example.com", "Ann", "S", "D");
    assertThat(new Http(first).get("/api/v6/tickets/1001/attachments.json").status()).isEqualTo(404);

    assertThatThrownBy(() -> ext.afterEach(null)).isInstanceOf(AssertionError.class)
        .hasMessageContaining("GET /api/v6/tickets/1001/attachments.json");

    ext.beforeEach(null);
    assertThat(ext.fake()).isNotSameAs(first);
    assertThat(ext.fake().tickets()).isEmpty();
    ext.afterEach(null);
    ext.afterAll(null);
  }

  @Test
  void aClassWideFakeIsResetBetweenTests() {
    DaktelaFakeExtension ext = new DaktelaFakeExtension();
    ext.beforeAll(null);
    ext.beforeEach(null);
    DaktelaFake fake = ext.fake();
    fake.customerCreatesTicket("ann@example.com", "Ann", "S", "D");
    fake.failNext(5, 503, null);
    ext.afterEach(null);
    ext.beforeEach(null);
    assertThat(ext.fake()).isSameAs(fake);
    assertThat(fake.tickets()).isEmpty();
    assertThat(new Http(fake).get("/api/v6/whoim.json").status()).isEqualTo(200);
    assertThat(fake.customerCreatesTicket("bob@example.com", "Bob", "S", "D")).as("names start again")
        .isEqualTo("1001");
    ext.afterEach(null);
    ext.afterAll(null);
  }
}
