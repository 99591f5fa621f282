package io.deskbridge.daktela;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deskbridge.core.config.Secret;
import io.deskbridge.core.config.Settings;
import io.deskbridge.core.error.ConfigException;
import io.deskbridge.core.ConfigLoader;
import io.deskbridge.core.engine.Connectors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The web chat's optional REST API access: off without a token, named like the ticket installation's settings. */
class DaktelaChatApiAccessTest {
  private static Settings settings(Map<String, Object> values) {
    return Settings.of("installations[webchat].settings", values);
  }

  @Test
  void withoutAnAccessTokenThereIsNoApiAccess() {
    assertThat(DaktelaChatApiAccess.from(settings(Map.of("url", "https://acme.daktela.com")))).isEmpty();
  }

  @Test
  void theTokenGoesInTheHeaderByDefaultAndIsNeverShown() {
    var access = DaktelaChatApiAccess.from(settings(Map.of("accessToken", Secret.of("s3cr3t-api-token")))).orElseThrow();
    assertThat(access.authIn()).isEqualTo(DaktelaConfig.AuthIn.HEADER);
    assertThat(access.accessToken().reveal()).isEqualTo("s3cr3t-api-token");
    assertThat(access.toString()).doesNotContain("s3cr3t-api-token");
  }

  @Test
  void authInQueryPutsItInTheQuery() {
    var access = DaktelaChatApiAccess.from(settings(Map.of("accessToken", Secret.of("t"), "authIn", "query")));
    assertThat(access).hasValueSatisfying(a -> assertThat(a.authIn()).isEqualTo(DaktelaConfig.AuthIn.QUERY));
  }

  @Test
  void anUnknownAuthInNamesTheSetting() {
    assertThatThrownBy(() -> DaktelaChatApiAccess.from(settings(Map.of("accessToken", Secret.of("t"),
        "authIn", "cookie")))).isInstanceOf(ConfigException.class)
        .hasMessageContaining("installations[webchat].settings.authIn").hasMessageContaining("header or query");
  }

  @Test
  void authInWithoutAnAccessTokenIsAMistake() {
    assertThatThrownBy(() -> DaktelaChatApiAccess.from(settings(Map.of("authIn", "query"))))
        .isInstanceOf(ConfigException.class).hasMessageContaining("authIn").hasMessageContaining("accessToken");
  }

  @Test
  void withoutAFollowUpCategoryThereAreNoFollowUpTickets() {
    assertThat(DaktelaChatApiAccess.from(settings(Map.of("accessToken", Secret.of("t")))))
        .hasValueSatisfying(a -> assertThat(a.followUpCategory()).isEmpty());
  }

  @Test
  void aFollowUpCategoryWithoutAnAccessTokenIsAMistake() {
    assertThatThrownBy(() -> DaktelaChatApiAccess.from(settings(Map.of("followUpCategory", "categories_support"))))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("installations[webchat].settings.followUpCategory").hasMessageContaining("accessToken");
  }

  @Test
  void aFollowUpCategoryThatIsNotANameNamesTheSetting() {
    assertThatThrownBy(() -> DaktelaChatApiAccess.from(settings(Map.of("accessToken", Secret.of("t"),
        "followUpCategory", "Support team")))).isInstanceOf(ConfigException.class)
        .hasMessageContaining("installations[webchat].settings.followUpCategory")
        .hasMessageContaining("ticket category");
  }

  @Test
  void theSettingsSchemaAcceptsBothKeys(@TempDir Path dir) throws Exception {
    var file = Files.writeString(dir.resolve("deskbridge.yaml"), """
        dataDirectory: data
        knowledge: kb
        installations:
          - id: webchat
            vendor: daktela-chat
            routing: {defaultGroup: "3201"}
            chat: {debounce: 1500ms}
            settings:
              url: https://acme.daktela.com
              botToken: {env: B}
              accessToken: {env: A}
              authIn: query
              followUpCategory: categories_support
        """);
    var env = Map.of("B", "b0t-token-0123456789abcdef", "A", "api-token");
    var config = ConfigLoader.load(file, env::get, Connectors.of(new DaktelaConnectorFactory(),
        new DaktelaChatConnectorFactory()));
    assertThat(DaktelaChatApiAccess.from(config.installations().get(0).settings())).hasValueSatisfying(a -> {
      assertThat(a.accessToken().reveal()).isEqualTo("api-token");
      assertThat(a.authIn()).isEqualTo(DaktelaConfig.AuthIn.QUERY);
      assertThat(a.followUpCategory()).contains("categories_support");
    });
  }
}
