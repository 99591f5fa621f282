package io.deskbridge.app.chaos;

import io.deskbridge.core.store.StoreConfig;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.deskbridge.app.DemoVendor;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The chaos tests on PostgreSQL (a real server started by the test), plus two connector processes sharing
 * it behind a round-robin "load balancer", one of them killed mid-load.
 */
class PostgresChaosIT extends AbstractChaosIT {
  private static EmbeddedPostgres postgres;
  private static int databases;
  private String database;

  @BeforeAll
  static void startPostgres() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    postgres.close();
  }

  @BeforeEach
  void freshDatabase() throws Exception {
    database = "chaos_" + (++databases);
    try (var c = postgres.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
      s.execute("CREATE DATABASE " + database);
    }
  }

  private String url() {
    return postgres.getJdbcUrl("postgres", database);
  }

  @Override
  StoreConfig store() {
    return new StoreConfig(url(), "postgres", null, 10);
  }

  @Override
  String storeYaml() {
    return "{url: \"" + url() + "\", username: postgres, maxPoolSize: 10}";
  }

  /** On Daktela polled, too: one instance polls at a time (the poll lease), and the lease moves when it is killed. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("vendorsAndPolled")
  void twoInstancesShareTheDatabaseAndOneIsKilledMidLoad(DemoVendor.Kind kind) throws Exception {
    start(kind).redeliverWhileUnreachable(Duration.ofSeconds(180));
    int port1 = ConnectorProcess.freePort();
    int port2 = ConnectorProcess.freePort();
    var one = new ConnectorProcess(processConfig("one", port1), dir.resolve("one.log"), port1).start();
    var two = new ConnectorProcess(processConfig("two", port2), dir.resolve("two.log"), port2).start();
    vendor.deliverTo(List.of(one.webhook("acme"), two.webhook("acme")));
    try {
      var load = new ChaosLoad(vendor);
      load.run(60, 12, one::kill, TIMEOUT);
      assertClean(load.tally(), 60, two);
    } finally {
      one.close();
      two.close();
    }
  }
}
