package io.deskbridge.core.humanreply;

import io.deskbridge.core.error.VendorException;
import io.deskbridge.core.schedule.Rounds;
import io.deskbridge.core.spi.ErrorMapper;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code serve}'s poll of the first human reply after a handover ({@code admin.humanReplyEvery}): each helpdesk
 * installation is polled at start and then every interval, on one daemon thread, one installation at a time. Each
 * round loads at most {@link HumanReplyPoll#limit} conversations for the installation's request budget at the time,
 * spaced evenly over the interval, so that the poll never takes more than its share of the budget in a burst. A failed
 * round is logged in one line (without a stack trace) worded by the connector's error mapper, a store failure as the
 * database's, and tried again at the next round; our own budget having no permit now is logged at INFO. It never stops
 * {@code serve}.
 */
public final class HumanReplyScheduler implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(HumanReplyScheduler.class);

  /**
   * One installation to poll.
   *
   * @param budgetPerMinute its request budget now ({@code requestsPerMinute}; 0 for none), read at each round
   * @param errors          its connector's mapper, which words a failure in one line
   */
  public record Job(String installation, HumanReplyPoll.Loader loader, IntSupplier budgetPerMinute,
      ErrorMapper errors) {
    public Job {
      Objects.requireNonNull(installation, "installation");
      Objects.requireNonNull(loader, "loader");
      Objects.requireNonNull(budgetPerMinute, "budgetPerMinute");
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
      scheduler.rounds.every(every, () -> jobs.forEach(job -> run(poll, job, every, jobs.size())));
      log.info("First human replies after handovers polled every {} for installation(s) {}", Rounds.words(every),
          String.join(", ", jobs.stream().map(j -> j.installation() + " (up to "
              + HumanReplyPoll.limit(j.budgetPerMinute().getAsInt(), every) + " a round)").toList()));
    }
    return scheduler;
  }

  /**
   * One round of one of {@code installations}: the limit from its budget now, the loads spread over its share of the
   * interval (the installations are polled one after the other).
   */
  static void run(HumanReplyPoll poll, Job job, Duration every, int installations) {
    int limit = HumanReplyPoll.limit(job.budgetPerMinute().getAsInt(), every);
    try {
      var result = poll.run(job.installation(), job.loader(), limit,
          every.dividedBy((limit + 1L) * Math.max(1, installations)));
      if (result.found() > 0 || result.gone() > 0 || result.refused() > 0) {
        log.info("First human replies of {}: {} conversation(s) loaded, {} first reply(ies) found, {} gone from the "
            + "helpdesk, {} it refused to show{}", job.installation(), result.loaded(), result.found(),
            result.gone(), result.refused(), result.firstRefusal().isEmpty() ? "" : " (first: "
                + result.firstRefusal() + ")");
      }
    } catch (HumanReplyPoll.StoreFailed e) {
      log.warn("polling the first human replies after handovers of {} failed, trying again in {}: the store failed: "
          + "{}", job.installation(), Rounds.words(every), String.valueOf(e.getMessage()).lines().findFirst()
          .orElse(""));
    } catch (RuntimeException e) {
      VendorException failure = job.errors().map(e);
      if (failure.kind() == VendorException.Kind.PAUSED) {
        log.info("polling the first human replies after handovers of {} paused until the next round in {}: {}",
            job.installation(), Rounds.words(every), String.valueOf(failure.getMessage()).lines().findFirst()
            .orElse(""));
        return;
      }
      boolean refused = failure.kind() == VendorException.Kind.FORBIDDEN
          || failure.kind() == VendorException.Kind.AUTH;
      log.warn("polling the first human replies after handovers of {} failed ({}), trying again in {}: {}{}",
          job.installation(), failure.kind(), Rounds.words(every),
          String.valueOf(failure.getMessage()).lines().findFirst().orElse(""),
          refused ? " (the helpdesk refused the installation's credentials: give it a user allowed to read "
              + "the conversations it hands over)" : "");
    }
  }

  /** Stops polling: a round in progress ends before its next load (waiting a few seconds for it). */
  @Override
  public void close() {
    rounds.close();
  }
}
