package io.deskbridge.core.csat;

import io.deskbridge.core.error.VendorException;
import io.deskbridge.core.schedule.Rounds;
import io.deskbridge.core.spi.ErrorMapper;
import io.deskbridge.core.spi.SatisfactionSource;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code serve}'s poll of the helpdesks' satisfaction ratings ({@code admin.satisfactionEvery}): each installation
 * whose connector has a {@link SatisfactionSource} is polled at start and then every interval (from the end of one
 * round to the start of the next), on one daemon thread, one installation at a time. A failed poll is logged in one
 * line (without a stack trace) and tried again at the next round; it never stops {@code serve}.
 */
public final class SatisfactionScheduler implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SatisfactionScheduler.class);

  /** One installation to poll; {@code errors} is its connector's mapper, which words a failure in one line. */
  public record Job(String installation, SatisfactionSource source, ErrorMapper errors) {
    public Job {
      Objects.requireNonNull(installation, "installation");
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(errors, "errors");
    }
  }

  private final Rounds rounds = new Rounds("satisfaction-poll");

  private SatisfactionScheduler() {
  }

  /** Starts polling {@code jobs} every {@code every} through {@code poll}. */
  public static SatisfactionScheduler start(List<Job> jobs, SatisfactionPoll poll, Duration every) {
    var scheduler = new SatisfactionScheduler();
    if (!jobs.isEmpty()) {
      scheduler.rounds.every(every, () -> jobs.forEach(job -> run(poll, job, every)));
      log.info("Satisfaction ratings (CSAT) polled every {} for installation(s) {}", every,
          String.join(", ", jobs.stream().map(Job::installation).toList()));
    }
    return scheduler;
  }

  private static void run(SatisfactionPoll poll, Job job, Duration every) {
    try {
      var result = poll.run(job.installation(), job.source());
      if (result.written() > 0) {
        log.info("Satisfaction ratings of {}: {} read, {} new or changed", job.installation(), result.read(),
            result.written());
      }
    } catch (RuntimeException e) {
      VendorException failure = job.errors().map(e);
      boolean refused = failure.kind() == VendorException.Kind.FORBIDDEN
          || failure.kind() == VendorException.Kind.AUTH;
      log.warn("polling the satisfaction ratings (CSAT) of {} failed ({}), trying again in {}: {}{}",
          job.installation(), failure.kind(), Rounds.words(every),
          String.valueOf(failure.getMessage()).lines().findFirst().orElse(""),
          refused ? " (the helpdesk refused the installation's credentials: give it a user allowed to read "
              + "satisfaction ratings)" : "");
    }
  }

  /** Stops polling; a poll in progress is interrupted at its next request. */
  @Override
  public void close() {
    rounds.close();
  }
}
