package io.deskbridge.app;

import static io.deskbridge.app.Doctor.fail;
import static io.deskbridge.app.Doctor.ok;
import static io.deskbridge.app.Doctor.warn;

import io.deskbridge.app.Doctor.Finding;
import io.deskbridge.core.store.Migrations;
import io.deskbridge.core.store.StoreException;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code doctor}'s checks of where Deskbridge keeps its data: the store ({@code store}: reachable, its migrations, read
 * without migrating; a missing H2 file is not opened) and the free space where the H2 file and the knowledge cache live
 * ({@code disk}). Stateless.
 */
final class DoctorStoreChecks {
  private DoctorStoreChecks() {
  }

  /** The {@code store} check. */
  static void store(Doctor doctor, Consumer<Finding> out) {
    var store = doctor.config().store();
    var describe = store.describe();
    if (describe.startsWith("H2 file ") && !Files.exists(Path.of(describe.substring("H2 file ".length())))) {
      out.accept(ok("store", "store", describe + " does not exist yet: serve creates it with the current schema"));
      return;
    }
    Migrations migrations;
    try {
      migrations = Migrations.inspect(store);
    } catch (StoreException e) {
      var root = ServeCommand.rootMessage(e);
      if (root.contains("already in use") || root.contains("locked")) {
        out.accept(warn("store", "store", describe + " is open in another process (a running serve?): its "
            + "migrations were not checked; run doctor while it is stopped to check them"));
      } else {
        out.accept(fail("store", "store", "cannot reach the store (" + describe + "): " + root + "; check the "
            + "store settings (url, username, password, directory) and that the database is running"));
      }
      return;
    }
    if (!migrations.failed().isEmpty()) {
      out.accept(fail("store", "store", describe + ": migration(s) " + String.join(", ", migrations.failed())
          + " failed: restore the database from a backup or repair it (flyway repair) before serve starts"));
      return;
    }
    out.accept(ok("store", "store", describe + " reachable; schema at version " + (migrations.current().isEmpty()
        ? "none" : migrations.current()) + ", " + migrations.applied().size() + " migration(s) applied, "
        + (migrations.pending().isEmpty() ? "none pending"
        : migrations.pending().size() + " pending (" + String.join(", ", migrations.pending())
            + "): serve applies them at start")));
  }

  /** The {@code disk} check: a warning below {@link Doctor#minFreeBytes()} on each file system. */
  static void disk(Doctor doctor, Consumer<Finding> out) {
    var config = doctor.config();
    long minFreeBytes = doctor.minFreeBytes();
    var places = new LinkedHashMap<String, Path>();
    var describe = config.store().describe();
    if (describe.startsWith("H2 file ")) {
      places.put("the store", Path.of(describe.substring("H2 file ".length())).getParent());
    }
    if (config.cache() != null) {
      places.put("the knowledge cache", config.cache());
    }
    var byStore = new LinkedHashMap<FileStore, List<String>>();
    var folders = new LinkedHashMap<FileStore, Path>();
    for (var place : places.entrySet()) {
      var existing = place.getValue().toAbsolutePath();
      while (existing != null && !Files.exists(existing)) {
        existing = existing.getParent();
      }
      try {
        var fileStore = Files.getFileStore(existing);
        byStore.computeIfAbsent(fileStore, s -> new ArrayList<>()).add(place.getKey() + " (" + place.getValue() + ")");
        folders.putIfAbsent(fileStore, existing);
      } catch (IOException | RuntimeException e) {
        out.accept(fail("disk", place.getValue().toString(), "cannot read the free space for " + place.getKey()
            + " at " + place.getValue() + ": " + e.getMessage()));
      }
    }
    for (var entry : byStore.entrySet()) {
      long free;
      try {
        free = entry.getKey().getUsableSpace();
      } catch (IOException e) {
        out.accept(warn("disk", folders.get(entry.getKey()).toString(), "cannot read the free space at "
            + folders.get(entry.getKey()) + ": " + e.getMessage()));
        continue;
      }
      var what = String.join(" and ", entry.getValue());
      if (free < minFreeBytes) {
        out.accept(warn("disk", folders.get(entry.getKey()).toString(), "only " + megabytes(free) + " free for "
            + what + " (below " + megabytes(minFreeBytes) + "): free space there or move dataDirectory to a larger "
            + "disk; the store stops taking webhooks when the disk is full"));
      } else {
        out.accept(ok("disk", folders.get(entry.getKey()).toString(), megabytes(free) + " free for " + what));
      }
    }
  }

  private static String megabytes(long bytes) {
    return bytes >= 10L * 1024 * 1024 * 1024 ? (bytes >> 30) + " GB" : (bytes >> 20) + " MB";
  }
}
