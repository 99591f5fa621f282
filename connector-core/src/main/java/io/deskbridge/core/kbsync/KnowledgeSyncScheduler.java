package io.deskbridge.core.kbsync;

import io.deskbridge.core.schedule.Rounds;
import io.deskbridge.core.spi.KnowledgeSource;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code serve}'s knowledge sync: each installation with {@code knowledge.sync} is synced at start and then every
 * {@link KnowledgeSyncConfig#every()} (from the end of one sync to the start of the next), on one daemon thread, one
 * sync at a time; after each sync, when the store's {@link SyncedKnowledgeStore#revision() revision} differs from the
 * one the bot was built from (this process's sync or another instance's changed something), {@code onChange} is
 * called with the new revision to rebuild the bot. A failed sync is logged in one line and tried again at the next
 * interval; what it stored before failing stays. Several instances may sync the same installation: applying a page
 * twice changes nothing.
 */
public final class KnowledgeSyncScheduler implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(KnowledgeSyncScheduler.class);

  /** One installation to sync. */
  public record Job(String installation, KnowledgeSource source, KnowledgeSyncConfig config) {
    public Job {
      Objects.requireNonNull(installation, "installation");
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(config, "config");
    }
  }

  /** Rebuilds the bot from the store's synced articles; told the revision they are at. */
  @FunctionalInterface
  public interface OnChange {
    void rebuilt(long revision);
  }

  private final Rounds rounds = new Rounds("knowledge-sync");
  private final KnowledgeSync sync;
  private final SyncedKnowledgeStore store;
  private final OnChange onChange;
  private long builtRevision;

  private KnowledgeSyncScheduler(KnowledgeSync sync, SyncedKnowledgeStore store, long builtRevision,
      OnChange onChange) {
    this.sync = sync;
    this.store = store;
    this.builtRevision = builtRevision;
    this.onChange = onChange;
  }

  /**
   * Starts syncing {@code jobs}.
   *
   * @param builtRevision the store's revision the running bot was built from
   */
  public static KnowledgeSyncScheduler start(List<Job> jobs, KnowledgeSync sync, SyncedKnowledgeStore store,
      long builtRevision, OnChange onChange) {
    var scheduler = new KnowledgeSyncScheduler(sync, store, builtRevision, onChange);
    for (var job : jobs) {
      Duration every = job.config().every();
      scheduler.rounds.every(every, () -> scheduler.run(job));
      log.info("Knowledge sync for installation {} every {}", job.installation(), every);
    }
    return scheduler;
  }

  private void run(Job job) {
    try {
      sync.run(job.installation(), job.source(), job.config(), KnowledgeSync.Progress.NONE);
    } catch (RuntimeException e) {
      log.warn("knowledge sync of {} failed, trying again in {}: {}", job.installation(), job.config().every(),
          e.toString().lines().findFirst().orElse(""));
    }
    try {
      long revision = store.revision();
      if (revision != builtRevision) {
        onChange.rebuilt(revision);
        builtRevision = revision;
      }
    } catch (RuntimeException e) {
      log.warn("rebuilding the knowledge after a sync failed; the bot keeps its current knowledge: {}",
          e.toString().lines().findFirst().orElse(""));
    }
  }

  /** Stops syncing; a sync in progress is interrupted at its next request. */
  @Override
  public void close() {
    rounds.close();
  }
}
