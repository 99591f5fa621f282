import io.deskbridge.core.store.JdbcStore;
import io.deskbridge.core.store.StoreConfig;
import io.deskbridge.core.webhook.InboundEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Optional;

/**
 * What the rebuild of an H2 store after an unclean stop costs: fills a store with EVENTS received events (600-character
 * payloads, 200 per receive), then times an open after a clean close and an open that finds the marker a killed
 * process leaves ("H2RebuildCost DIR EVENTS"). docs/hardening.md, "An unclean stop could leave H2 rows that no write
 * gets past".
 */
public class H2RebuildCost {
  public static void main(String[] a) throws Exception {
    Path dir = Path.of(a[0]);
    int events = Integer.parseInt(a[1]);
    var config = StoreConfig.h2File(dir);
    try (var store = JdbcStore.open(config)) {
      for (int n = 0; n < events; n += 200) {
        var batch = new ArrayList<InboundEvent>();
        for (int i = n; i < Math.min(events, n + 200); i++) {
          batch.add(new InboundEvent("e" + i, "c" + (i % 5000), InboundEvent.Kind.MESSAGE_ADDED, "u" + "x".repeat(600),
              Optional.empty(), Optional.empty(), Instant.now(), Optional.empty(), null));
        }
        store.receive("acme", "zendesk", batch, Instant.now());
      }
    }
    long size = Files.size(dir.resolve("deskbridge.mv.db"));
    long t0 = System.nanoTime();
    JdbcStore.open(config).close();
    long clean = System.nanoTime() - t0;
    Files.writeString(dir.resolve("deskbridge.open"), "a killed process\n");
    t0 = System.nanoTime();
    JdbcStore.open(config).close();
    long rebuilt = System.nanoTime() - t0;
    System.out.printf("events %d, file %.1f MB -> %.1f MB: open after a clean close %d ms, after an unclean stop %d ms%n",
        events, size / 1e6, Files.size(dir.resolve("deskbridge.mv.db")) / 1e6, clean / 1_000_000, rebuilt / 1_000_000);
  }
}
