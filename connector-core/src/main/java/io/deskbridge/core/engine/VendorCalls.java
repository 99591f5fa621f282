package io.deskbridge.core.engine;

import io.deskbridge.core.error.RetriableVendorException;
import io.deskbridge.core.error.VendorException;
import io.deskbridge.core.spi.ErrorMapper;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every call to one installation's vendor through the error mapper and a resilience4j retry. The wait
 * is exponential back-off with full jitter, or the vendor's Retry-After when that is longer, capped at the
 * policy's maximum.
 *
 * <p>Reads are retried on every retriable failure. Writes are retried only when the vendor said it did not
 * process the request (429, 503); after any other failure nobody knows whether the write happened, so it is
 * thrown to the engine, which checks the vendor's state before writing again. Thread-safe.
 */
final class VendorCalls {
  private static final Logger log = LoggerFactory.getLogger(VendorCalls.class);

  private final String installationId;
  private final ErrorMapper mapper;
  private final Retry reads;
  private final Retry writes;

  VendorCalls(String installationId, ErrorMapper mapper, RetryPolicy policy) {
    this.installationId = installationId;
    this.mapper = mapper;
    this.reads = retry("read", policy, e -> e instanceof VendorException v && v.retriable());
    this.writes = retry("write", policy, VendorCalls::notProcessed);
  }

  /** Whether the vendor said it did not process the request, so sending it again cannot duplicate it. */
  static boolean notProcessed(Throwable e) {
    return e instanceof RetriableVendorException r
        && (r.kind() == RetriableVendorException.Kind.RATE_LIMITED || r.status() == 503);
  }

  private Retry retry(String kind, RetryPolicy policy, Predicate<Throwable> retryOn) {
    IntervalBiFunction<Object> interval = (attempt, outcome) -> {
      long base = policy.initialDelay().toMillis() << Math.min(attempt - 1, 16);
      long wait = ThreadLocalRandom.current().nextLong(Math.max(1, Math.min(base, policy.maxDelay().toMillis())) + 1);
      if (outcome.isLeft() && outcome.getLeft() instanceof RetriableVendorException r && r.retryAfter().isPresent()) {
        wait = Math.max(wait, r.retryAfter().get().toMillis());
      }
      return Math.min(wait, policy.maxDelay().toMillis());
    };
    var retry = Retry.of("vendor-" + installationId + "-" + kind, RetryConfig.custom()
        .maxAttempts(policy.maxAttempts())
        .intervalBiFunction(interval)
        .retryOnException(retryOn)
        .failAfterMaxAttempts(false)
        .build());
    retry.getEventPublisher().onRetry(e -> log.warn("{}: {} retry {} after {} ms: {}", installationId, kind,
        e.getNumberOfRetryAttempts(), e.getWaitInterval().toMillis(), e.getLastThrowable().getMessage()));
    return retry;
  }

  /**
   * Reads from the vendor, retrying retriable failures.
   *
   * @throws VendorException the last failure once retries are used up, or the first non-retriable one
   */
  <T> T read(String what, Supplier<T> call) {
    return reads.executeSupplier(() -> mapped(what, call));
  }

  /**
   * Writes to the vendor, retrying only failures the vendor said it did not process.
   *
   * @throws VendorException the last such failure once retries are used up, or any other failure at once
   */
  <T> T write(String what, Supplier<T> call) {
    return writes.executeSupplier(() -> mapped(what, call));
  }

  private <T> T mapped(String what, Supplier<T> call) {
    try {
      return call.get();
    } catch (VendorException e) {
      throw e;
    } catch (RuntimeException e) {
      VendorException mapped = mapper.map(e);
      log.debug("{}: {} failed: {}", installationId, what, mapped.getMessage());
      throw mapped;
    }
  }
}
