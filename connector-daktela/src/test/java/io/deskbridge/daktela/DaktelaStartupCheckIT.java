package io.deskbridge.daktela;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.deskbridge.core.contract.ConnectorHarness;
import io.deskbridge.core.engine.Mode;
import io.deskbridge.core.engine.Routing;
import io.deskbridge.core.error.ConfigException;
import io.deskbridge.core.error.VendorException;
import io.deskbridge.core.spi.Connector;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The start-up checks against the fake: who-am-i gives the API user's login, and every routing target (a category,
 * optionally {@code /login} of an agent) must exist; a failure is one line naming what is wrong and the setting to
 * fix, and the engine does not start.
 */
class DaktelaStartupCheckIT {
  private DaktelaFixture fixture;
  private Connector connector;

  @BeforeEach
  void start() {
    fixture = new DaktelaFixture().withoutSubscription();
    connector = fixture.connector("test", Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    connector.close();
    fixture.close();
  }

  @Test
  void whoAmIIsTheApiUsersLogin() {
    var me = connector.client().whoAmI();

    assertThat(me.userId()).isEqualTo("deskbridge");
    assertThat(me.name()).isEqualTo("Deskbridge bot");
  }

  @Test
  void existingCategoriesAndAgentsPass() {
    connector.client().whoAmI();

    assertThatCode(() -> connector.client().checkRoutes(Set.of("categories_billing", "categories_tech/alice")))
        .doesNotThrowAnyException();
  }

  @Test
  void aCategoryThatDoesNotExistIsOneLineNamingIt() {
    connector.client().whoAmI();

    var e = catchThrowableOfType(VendorException.class,
        () -> connector.client().checkRoutes(Set.of("categories_billing", "categories_nope")));

    assertThat(e.kind()).isIn(VendorException.Kind.NOT_FOUND, VendorException.Kind.INVALID);
    assertThat(e.getMessage()).contains("categories_nope").doesNotContain("\n")
        .doesNotContain(fixture.fake.config().accessToken());
  }

  @Test
  void anAgentThatDoesNotExistIsOneLineNamingThem() {
    connector.client().whoAmI();

    var e = catchThrowableOfType(VendorException.class,
        () -> connector.client().checkRoutes(Set.of("categories_billing/nobody")));

    assertThat(e.kind()).isIn(VendorException.Kind.NOT_FOUND, VendorException.Kind.INVALID);
    assertThat(e.getMessage()).contains("nobody").doesNotContain("\n");
  }

  @Test
  void theEngineDoesNotStartWithAnUnknownCategoryAndSaysWhichSettingToFix() {
    fixture.withRouting(new Routing("categories_nope", Map.of("Billing", "categories_billing"), null));

    var e = catchThrowableOfType(ConfigException.class, () -> new ConnectorHarness(fixture, Mode.AUTO).close());

    assertThat(e.getMessage()).contains("categories_nope").contains("routing").doesNotContain("\n");
  }

  @Test
  void aWrongTokenIsAnAuthenticationFailureThatNeverShowsTheToken() throws Exception {
    try (var wrong = fixture.connectorWithWrongCredentials("test", Clock.systemUTC())) {
      var e = catchThrowableOfType(RuntimeException.class, () -> wrong.client().whoAmI());
      var mapped = wrong.errorMapper().map(e);

      assertThat(mapped.kind()).isEqualTo(VendorException.Kind.AUTH);
      assertThat(mapped.getMessage()).doesNotContain("not-the-access-token").doesNotContain("\n");
    }
  }
}
