package io.deskbridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.core.conversation.AuthorRole;
import io.deskbridge.core.conversation.Message;
import io.deskbridge.core.conversation.Visibility;
import io.deskbridge.core.store.JdbcStore;
import io.deskbridge.core.store.StoreConfig;
import io.deskbridge.core.webhook.InboundEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeadLettersCommandTest {
  @TempDir
  Path dir;

  private Path config() throws Exception {
    return Files.writeString(dir.resolve("deskbridge.yaml"), """
        store: {directory: %s}
        knowledge: kb
        installations:
          - id: acme
            vendor: zendesk
            routing: {defaultGroup: "1"}
        """.formatted(dir.resolve("data")));
  }

  /** Puts one event into the store's dead letters, as the engine does after repeated failures. */
  private void deadLetterOne() {
    try (var store = JdbcStore.open(StoreConfig.h2File(dir.resolve("data")))) {
      var now = Instant.parse("2026-11-21T10:00:00Z");
      var message = new Message("c-1", AuthorRole.CUSTOMER, Visibility.PUBLIC, "900", "Where is my order 4711?", now);
      store.receive("acme", "zendesk", List.of(new InboundEvent("ev-1", "4711", InboundEvent.Kind.MESSAGE_ADDED, "900",
          Optional.of(message), Optional.empty(), now)), now);
      var lease = store.claim("test", now, Duration.ofSeconds(30)).orElseThrow();
      var pending = store.pendingEvents(lease, now).get(0);
      store.deadLetter(lease, pending.id(), "Zendesk answered Not Found (HTTP 404)", now);
      store.release(lease);
    }
  }

  private String run(String... args) {
    return CommandLineRun.stdout(args);
  }

  @Test
  void listsShowsAndReplaysADeadLetter() throws Exception {
    deadLetterOne();
    String config = config().toString();

    String list = run("dead-letters", "--config", config, "list");
    assertThat(list).contains("4711").contains("HTTP 404").contains("1 dead letter(s)");
    long id = Long.parseLong(list.lines().skip(1).findFirst().orElseThrow().trim().split("\\s+")[0]);

    assertThat(run("dead-letters", "--config", config, "show", String.valueOf(id)))
        .contains("ev-1").contains("Where is my order 4711?").contains("attempts:     1");

    assertThat(run("dead-letters", "--config", config, "replay", String.valueOf(id))).contains("back in the inbox");
    assertThat(run("dead-letters", "--config", config, "list")).contains("0 dead letter(s)");
    try (var store = JdbcStore.open(StoreConfig.h2File(dir.resolve("data")))) {
      assertThat(store.hasOpenWork()).as("the replayed event waits for a connector").isTrue();
    }
  }

  @Test
  void anUnknownDeadLetterIsAnError() throws Exception {
    String config = config().toString();
    assertThat(Main.commandLine().execute("dead-letters", "--config", config, "replay", "999")).isEqualTo(1);
  }
}
