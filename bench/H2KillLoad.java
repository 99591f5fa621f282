import io.deskbridge.core.store.*;
import io.deskbridge.core.webhook.InboundEvent;
import java.io.*;
import java.nio.file.*;
import java.time.*;
import java.util.*;
import java.util.concurrent.*;
import java.util.concurrent.atomic.*;

/**
 * Loads an H2 file store from several threads until it is killed ("load DIR FIRST_ID"), or, in a new process,
 * receives every event id the load attempted again and reports those that fail ("check DIR"). bench/h2-kill-loop.sh
 * runs the two in turn; docs/hardening.md, "An unclean stop could leave H2 rows that no write gets past".
 */
public class H2KillLoad {
  static InboundEvent ev(long n) {
    return new InboundEvent("e" + n, "c" + (n % 40), InboundEvent.Kind.MESSAGE_ADDED, "u", Optional.empty(),
        Optional.empty(), Instant.now(), Optional.empty(), null);
  }

  public static void main(String[] a) throws Exception {
    Path dir = Path.of(a[1]);
    var store = JdbcStore.open(StoreConfig.h2File(dir));
    if (a[0].equals("load")) {
      var seq = new AtomicLong(Long.parseLong(a[2]));
      var log = new PrintWriter(new FileWriter(dir.resolve("attempted.txt").toFile(), true), true);
      var pool = Executors.newFixedThreadPool(8);
      for (int t = 0; t < 4; t++) {
        pool.submit(() -> {
          while (true) {
            long n = seq.incrementAndGet();
            synchronized (log) { log.println(n); }
            try { store.receive("acme", "zendesk", List.of(ev(n)), Instant.now()); } catch (RuntimeException e) { System.err.println(e); }
            if (n % 3 == 0) { // a redelivery
              try { store.receive("acme", "zendesk", List.of(ev(n - 2)), Instant.now()); } catch (RuntimeException e) { System.err.println(e); }
            }
          }
        });
      }
      for (int t = 0; t < 4; t++) {
        final int w = t;
        pool.submit(() -> {
          while (true) {
            try {
              var lease = store.claim("w" + w, Instant.now(), Duration.ofSeconds(5));
              if (lease.isEmpty()) { Thread.onSpinWait(); continue; }
              for (var pe : store.pendingEvents(lease.get(), Instant.now())) {
                if (pe.id() % 7 == 0 && pe.attempts() == 0) store.eventFailed(lease.get(), pe.id(), "x", Instant.now());
                else store.commit(lease.get(), pe.id(), ConversationState.fresh(lease.get().key()), List.of(), List.of());
              }
              store.release(lease.get());
            } catch (RuntimeException e) { System.err.println(e); }
          }
        });
      }
      Thread.sleep(Long.MAX_VALUE);
    } else {
      var ids = new TreeSet<Long>();
      for (String l : Files.readAllLines(dir.resolve("attempted.txt"))) if (!l.isBlank()) ids.add(Long.parseLong(l.trim()));
      int bad = 0;
      for (long n : ids) {
        try { store.receive("acme", "zendesk", List.of(ev(n)), Instant.now()); }
        catch (RuntimeException e) {
          bad++;
          Throwable r = e; while (r.getCause() != null) r = r.getCause();
          System.out.println("BAD e" + n + ": " + e.getMessage().split("\n")[0] + " | root: " + r);
          if (bad > 5) break;
        }
      }
      System.out.println("checked " + ids.size() + " bad " + bad + " max " + (ids.isEmpty() ? 0 : ids.last()));
      store.close();
      System.exit(bad > 0 ? 3 : 0);
    }
  }
}
