package io.deskbridge.core.humanreply;

import io.deskbridge.core.error.VendorException;
import io.deskbridge.core.schedule.Rounds;
import io.deskbridge.core.spi.ErrorMapper;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code serve}'s poll of the first human reply after a handover ({@code admin.humanReplyEvery}): each helpdesk
 * installation is polled at start and then every interval, on one daemon thread, one installation at a time, each
 * round loading at most the job's limit. A failed round is logged in one line (without a stack trace) worded by the
 * connector's error mapper and tried again at the next round; it never stops {@code serve}.
 */
public final class HumanReplyScheduler implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(HumanReplyScheduler.class);

  /**
   * One installation to poll.
   *
   * @param limit  the most conversations a round loads ({@link HumanReplyPoll#limit})
   * @param errors its connector's mapper, which words a failure in one line
   */
  public record Job(String installation, HumanReplyPoll.Loader loader, int limit, ErrorMapper errors) {
    public Job {
      Objects.requireNonNull(installation, "installation");
      Objects.requireNonNull(loader, "loader");
      if (limit < 1) {
        throw new IllegalArgumentException("limit must be positive");
      }
      Objects.requireNonNull(errors, "errors");
    }
  }

  private final Rounds rounds = new Rounds("human-reply-poll");

  private HumanReplyScheduler() {
  }

  /** Starts polling {@code jobs} every {@code every} through {@code poll}. */
  public static HumanReplyScheduler start(List<Job> jobs, HumanReplyPoll poll, Duration every) {
    var scheduler = new HumanReplyScheduler();
    if (!jobs.isEmpty()) {
      scheduler.rounds.every(every, () -> jobs.forEach(job -> run(poll, job, every)));
      log.info("First human replies after handovers polled every {} for installation(s) {}", Rounds.words(every),
          String.join(", ", jobs.stream().map(j -> j.installation() + " (up to " + j.limit() + " a round)").toList()));
    }
    return scheduler;
  }

  static void run(HumanReplyPoll poll, Job job, Duration every) {
    try {
      var result = poll.run(job.installation(), job.loader(), job.limit());
      if (result.found() > 0 || result.gone() > 0) {
        log.info("First human replies of {}: {} conversation(s) loaded, {} first reply(ies) found, {} gone from the "
            + "helpdesk", job.installation(), result.loaded(), result.found(), result.gone());
      }
    } catch (RuntimeException e) {
      VendorException failure = job.errors().map(e);
      boolean refused = failure.kind() == VendorException.Kind.FORBIDDEN
          || failure.kind() == VendorException.Kind.AUTH;
      log.warn("polling the first human replies after handovers of {} failed ({}), trying again in {}: {}{}",
          job.installation(), failure.kind(), Rounds.words(every),
          String.valueOf(failure.getMessage()).lines().findFirst().orElse(""),
          refused ? " (the helpdesk refused the installation's credentials: give it a user allowed to read "
              + "the conversations it hands over)" : "");
    }
  }

  /** Stops polling; a round in progress is interrupted at its next request. */
  @Override
  public void close() {
    rounds.close();
  }
}
