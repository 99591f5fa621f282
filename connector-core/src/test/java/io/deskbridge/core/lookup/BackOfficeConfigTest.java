package io.deskbridge.core.lookup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deskbridge.core.config.Settings;
import io.deskbridge.core.error.ConfigException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BackOfficeConfigTest {
  private static final String PATH = "installations[shop].backOffice";

  private static Settings settings(Map<String, Object> values) {
    return new Settings(PATH, values, name -> name.equals("SHOP_TOKEN") ? "Bearer s3cret-value" : null);
  }

  private static Map<String, Object> valid() {
    var values = new HashMap<String, Object>();
    values.put("baseUrl", "https://shop.example/api/");
    values.put("authValue", Map.of("env", "SHOP_TOKEN"));
    values.put("identity", Map.of("email", "customer.email"));
    return values;
  }

  @Test
  void readsTheSectionWithDefaultsAndPrintsTheCredentialRedacted() {
    var config = BackOfficeConfig.from(settings(valid())).orElseThrow();
    assertThat(config.baseUrl()).hasToString("https://shop.example/api");
    assertThat(config.authHeader()).isEqualTo("Authorization");
    assertThat(config.authValue().reveal()).isEqualTo("Bearer s3cret-value");
    assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(config.cacheTtl()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.identity()).isEqualTo(new BackOfficeConfig.Identity("customer.email", null));
    assertThat(config.toString()).doesNotContain("s3cret").contains("****");
  }

  @Test
  void anAbsentSectionIsNoBackOffice() {
    assertThat(BackOfficeConfig.from(settings(Map.of()))).isEmpty();
  }

  @Test
  void eachMistakeIsOneLineNamingTheSetting() {
    expectError(Map.of("baseUrl", ""), PATH + ".baseUrl is required");
    expectError(Map.of("baseUrl", "shop.example"), PATH + ".baseUrl must be an absolute http(s) URL");
    expectError(Map.of("baseUrl", "ftp://shop.example/api"), PATH + ".baseUrl must be an http(s) URL");
    expectError(Map.of("timeout", "30s"), PATH + ".timeout must be between 50ms and 10s");
    expectError(Map.of("cacheTtl", "2h"), PATH + ".cacheTtl must be between 0s (no cache) and 1h");
    expectError(Map.of("authHeader", "Bad Header"), PATH + ".authHeader must be a header name");
    expectError(Map.of("authValue", "Bearer plain"), PATH + ".authValue must come from the environment or a file");
    expectError(Map.of("authValue", Map.of("env", "MISSING")), PATH + ".authValue");
    expectError(Map.of("identity", Map.of()), PATH + ".identity needs email or id");
    expectError(Map.of("identity", Map.of("email", "$.customer.email")),
        PATH + ".identity.email must be a dot path");
  }

  private static void expectError(Map<String, Object> change, String message) {
    var values = valid();
    values.putAll(change);
    assertThatThrownBy(() -> BackOfficeConfig.from(settings(values)))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(message)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("s3cret"));
  }
}
