package io.deskbridge.core.store;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;

/**
 * The state of a store's schema migrations (Flyway, {@code classpath:db/migration}), read without migrating: what
 * {@code doctor} reports. {@link JdbcStore#open} applies the pending ones.
 *
 * @param applied the versions applied successfully, oldest first
 * @param pending the versions the next start applies, oldest first
 * @param failed  the versions whose migration failed (they need repair before the store opens), oldest first
 */
public record Migrations(List<String> applied, List<String> pending, List<String> failed) {
  public Migrations {
    applied = List.copyOf(applied);
    pending = List.copyOf(pending);
    failed = List.copyOf(failed);
  }

  /** The newest applied version; empty for a store never migrated. */
  public String current() {
    return applied.isEmpty() ? "" : applied.get(applied.size() - 1);
  }

  /**
   * Reads the migration history of the store {@code config} names. Connects once; changes nothing (on H2, connecting
   * to a missing file creates an empty database: the caller checks first).
   *
   * @throws StoreException when the database cannot be reached or its history read
   */
  public static Migrations inspect(StoreConfig config) {
    Objects.requireNonNull(config, "config");
    try {
      var info = Flyway.configure(Migrations.class.getClassLoader())
          .dataSource(config.connectionUrl(), config.username().isEmpty() ? null : config.username(),
              config.password() == null ? null : config.password().reveal())
          .locations("classpath:db/migration")
          .load()
          .info();
      return new Migrations(versions(info.applied(), false), versions(info.pending(), false),
          versions(info.all(), true));
    } catch (RuntimeException e) {
      throw new StoreException("cannot read the migrations of the store " + config, e);
    }
  }

  private static List<String> versions(MigrationInfo[] migrations, boolean failedOnly) {
    return Arrays.stream(migrations)
        .filter(m -> m.getVersion() != null && (failedOnly ? m.getState().isFailed() : !m.getState().isFailed()))
        .map(m -> m.getVersion().getVersion()).toList();
  }
}
