package io.deskbridge.core.engine;

import static io.deskbridge.core.engine.InMemoryHelpdesk.createdEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.deskbridge.core.contract.OffsetClock;
import io.deskbridge.core.conversation.AuthorRole;
import io.deskbridge.core.conversation.Visibility;
import io.deskbridge.core.store.AuditRecord;
import io.deskbridge.core.store.JdbcStore;
import io.deskbridge.core.store.StoreConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code privacy.retention}: the workers purge audit records and message texts older than the retention, at start
 * and then hourly on the engine's clock; with no retention nothing is purged.
 */
class EngineRetentionTest {
  private final InMemoryHelpdesk helpdesk = new InMemoryHelpdesk();
  private final JdbcStore store = JdbcStore.open(StoreConfig.h2Memory("retention-" + System.nanoTime()));
  private final OffsetClock clock = new OffsetClock();
  private static final EngineSettings SETTINGS =
      new EngineSettings(1, Duration.ofSeconds(30), Duration.ofMillis(20), 5, Duration.ofDays(1));
  private Engine engine;

  private void start(EngineSettings settings) {
    var installation = new Installation("inst", Mode.AUTO, new Routing("g-default", Map.of(), null),
        new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(5)), helpdesk, 0, false);
    engine = Engine.start(List.of(installation), new ScriptedDecider(), store, store, clock, settings,
        CrashPoints.NONE, new SimpleMeterRegistry());
  }

  @AfterEach
  void stop() {
    if (engine != null) {
      engine.close();
    }
    store.close();
  }

  private AuditRecord record(String conversation, Instant at) {
    return new AuditRecord(at, "inst", conversation, "e-" + conversation, "auto", "reply", List.of("r"), 0.5, "a1",
        Map.of(), "my phone is 602 123 456", List.of(), "applied");
  }

  private List<String> audited() {
    return store.all().stream().map(AuditRecord::conversationId).toList();
  }

  private void handle(String ticket) throws InterruptedException {
    helpdesk.add(ticket, AuthorRole.CUSTOMER, Visibility.PUBLIC, "c1", "How do I reset my password?");
    engine.accept("inst", List.of(createdEvent("e-" + ticket, ticket)));
    assertThat(engine.awaitIdle(Duration.ofSeconds(20))).isTrue();
  }

  @Test
  void recordsOlderThanTheRetentionArePurgedAtStartAndAgainOnceTheClockPassesThem() throws Exception {
    Instant now = clock.instant();
    store.append(record("old", now.minus(Duration.ofDays(40))));
    store.append(record("recent", now.minus(Duration.ofDays(1))));

    start(SETTINGS.withHistoryRetention(Duration.ofDays(30)));

    await().atMost(Duration.ofSeconds(20)).until(() -> !audited().contains("old"));
    handle("t1");
    assertThat(audited()).contains("recent", "t1");

    clock.advance(Duration.ofDays(31));
    await().atMost(Duration.ofSeconds(20)).until(() -> audited().isEmpty());
  }

  @Test
  void withoutARetentionNothingIsPurged() throws Exception {
    store.append(record("old", clock.instant().minus(Duration.ofDays(4000))));

    start(SETTINGS);
    handle("t1"); // a worker's loop purges before it claims: the purge has had its turn

    assertThat(audited()).contains("old", "t1");
  }
}
