package io.deskbridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.core.api.ApiKeys;
import io.deskbridge.core.store.JdbcStore;
import io.deskbridge.core.store.StoreConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiKeyCommandTest {
  @TempDir
  Path dir;

  private Path config() throws Exception {
    return Files.writeString(dir.resolve("deskbridge.yaml"), """
        store: {directory: %s}
        knowledge: kb
        installations:
          - id: web
            vendor: api
            routing: {defaultGroup: general}
            settings: {rateLimitPerMinute: 100}
          - id: acme
            vendor: zendesk
            routing: {defaultGroup: "1"}
        """.formatted(dir.resolve("data")));
  }

  private String run(String... args) {
    return CommandLineRun.stdout(args);
  }

  private static String field(String output, String name) {
    return output.lines().filter(l -> l.startsWith(name + ":")).findFirst().orElseThrow()
        .substring(name.length() + 1).strip();
  }

  @Test
  void createsAKeyShownOnceListsItAndRevokesIt() throws Exception {
    String config = config().toString();

    String created = run("api-key", "create", "--installation", "web", "--name", "chat-widget", "--config", config);
    String id = field(created, "id");
    String key = field(created, "key");
    try (var store = JdbcStore.open(StoreConfig.h2File(dir.resolve("data")))) {
      var keys = new ApiKeys(store.conversationApi(), Clock.systemUTC());
      assertThat(keys.authenticate(key)).hasValueSatisfying(k -> assertThat(k.installation()).isEqualTo("web"));
      assertThat(store.conversationApi().keys()).singleElement()
          .satisfies(k -> assertThat(k.hash()).doesNotContain(key).hasSize(64));
    }

    String list = run("api-key", "list", "--config", config);
    assertThat(list).contains(id).contains("chat-widget").doesNotContain(key).contains("1 key(s), 1 valid");

    assertThat(run("api-key", "--config", config, "revoke", id)).contains("revoked");
    assertThat(run("api-key", "list", "--config", config)).contains("1 key(s), 0 valid");
    try (var store = JdbcStore.open(StoreConfig.h2File(dir.resolve("data")))) {
      assertThat(new ApiKeys(store.conversationApi(), Clock.systemUTC()).authenticate(key)).isEmpty();
    }
  }

  @Test
  void aKeyForAnInstallationThatIsNotAnApiOneIsAUsageError() throws Exception {
    var run = CommandLineRun.of("api-key", "create", "--installation", "acme", "--name", "x", "--config",
        config().toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--installation acme").contains("vendor: api").contains("web");
  }
}
