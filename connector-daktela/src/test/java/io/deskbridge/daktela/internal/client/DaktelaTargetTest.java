package io.deskbridge.daktela.internal.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DaktelaTargetTest {
  @Test
  void aCategoryAloneOrWithAUser() {
    assertThat(DaktelaTarget.parse("categories_billing"))
        .isEqualTo(new DaktelaTarget("categories_billing", Optional.empty()));
    assertThat(DaktelaTarget.parse(" categories_billing/alice "))
        .isEqualTo(new DaktelaTarget("categories_billing", Optional.of("alice")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "/alice", "categories_billing/", "a/b/c"})
  void anythingElseIsRefusedWithAnExample(String target) {
    assertThatThrownBy(() -> DaktelaTarget.parse(target))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("e.g. categories_billing");
  }
}
