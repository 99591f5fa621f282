package io.deskbridge.mock.daktela;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DaktelaFakeConfigTest {
  @Test
  void defaultsAreTheContractsIdentities() {
    DaktelaFake.Config c = DaktelaFake.Config.defaults();
    assertThat(c.apiLogin()).isEqualTo("deskbridge");
    assertThat(c.accessToken()).isEqualTo("fake-daktela-token");
    assertThat(c.zone()).isEqualTo(ZoneId.of("Europe/Prague"));
    assertThat(c.port()).isZero();
    assertThat(c.delivery().retries()).singleElement().satisfies(r -> assertThat(r.maxAttempts()).isEqualTo(3));
    assertThat(c.delivery().backoff().after(1)).hasSeconds(1);
  }

  @Test
  void withersChangeOneThingAndTheTokenIsNotPrinted() {
    Clock fixed = Clock.fixed(java.time.Instant.EPOCH, ZoneId.of("UTC"));
    DaktelaFake.Config c = DaktelaFake.Config.defaults().withPort(8091).withClock(fixed);
    assertThat(c.port()).isEqualTo(8091);
    assertThat(c.clock()).isSameAs(fixed);
    assertThat(c.apiLogin()).isEqualTo("deskbridge");
    assertThat(c.toString()).doesNotContain("fake-daktela-token").contains("***");
  }

  @Test
  void invalidValuesAreRejected() {
    assertThatThrownBy(() -> DaktelaFake.Config.defaults().withPort(70000))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("port");
    assertThatThrownBy(() -> DaktelaFake.Config.defaults().withApiUser(" ", "t"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DaktelaFake.Config.defaults().withDelivery(null)).isInstanceOf(NullPointerException.class);
  }
}
