package io.deskbridge.mock.sunco;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The JUnit 5 extension fails a test that sent the fake a request it does not serve, and resets a shared fake. */
class SuncoFakeExtensionIT {
  @Test
  void aTestThatSentAnUnmatchedRequestFailsAndTheNextTestGetsAFreshFake() {
    SuncoFakeExtension ext = new SuncoFakeExtension();
    ext.beforeEach(null);
    SuncoFake first = ext.fake();
    first.customerStarts("Ann", null, "Hi");
    assertThat(SuncoClient.basic(first).get("/users/ann").status()).isEqualTo(404);

    assertThatThrownBy(() -> ext.afterEach(null)).isInstanceOf(AssertionError.class)
        .hasMessageContaining("GET /sc/v2/apps/" + first.config().appId() + "/users/ann");

    ext.beforeEach(null);
    assertThat(ext.fake()).isNotSameAs(first);
    assertThat(ext.fake().conversations()).isEmpty();
    ext.afterEach(null);
    ext.afterAll(null);
  }

  @Test
  void aClassWideFakeIsResetBetweenTests() {
    SuncoFakeExtension ext = new SuncoFakeExtension();
    ext.beforeAll(null);
    ext.beforeEach(null);
    SuncoFake fake = ext.fake();
    String first = fake.customerStarts("Ann", null, "Hi").conversationId();
    fake.holdDeliveries();
    fake.failNext(5, 503, null);
    ext.afterEach(null);
    ext.beforeEach(null);

    assertThat(ext.fake()).isSameAs(fake);
    assertThat(fake.conversations()).isEmpty();
    assertThat(fake.webhooks()).isEmpty();
    assertThat(SuncoClient.basic(fake).get("/switchboards").status()).isEqualTo(200);
    assertThat(fake.customerStarts("Bob", null, "Hi").conversationId()).as("ids start again").isEqualTo(first);
    assertThat(fake.awaitDeliveries(Duration.ofSeconds(5))).isTrue();
    ext.afterEach(null);
    ext.afterAll(null);
  }
}
