package io.deskbridge.core.engine;

import io.deskbridge.core.error.RetriableVendorException;
import io.deskbridge.core.error.VendorException;
import io.deskbridge.core.spi.ErrorMapper;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every call to one installation's vendor through the error mapper and a resilience4j retry. Only
 * {@link RetriableVendorException}s are retried; the wait is the exponential back-off with full jitter, or
 * the vendor's Retry-After when that is longer, capped at the policy's maximum. Thread-safe.
 */
final class VendorCalls {
  private static final Logger log = LoggerFactory.getLogger(VendorCalls.class);

  private final String installationId;
  private final ErrorMapper mapper;
  private final Retry retry;

  VendorCalls(String installationId, ErrorMapper mapper, RetryPolicy policy) {
    this.installationId = installationId;
    this.mapper = mapper;
    IntervalBiFunction<Object> interval = (attempt, outcome) -> {
      long base = policy.initialDelay().toMillis() << Math.min(attempt - 1, 16);
      long wait = ThreadLocalRandom.current().nextLong(Math.max(1, Math.min(base, policy.maxDelay().toMillis())) + 1);
      if (outcome.isLeft() && outcome.getLeft() instanceof RetriableVendorException r && r.retryAfter().isPresent()) {
        wait = Math.max(wait, r.retryAfter().get().toMillis());
      }
      return Math.min(wait, policy.maxDelay().toMillis());
    };
    this.retry = Retry.of("vendor-" + installationId, RetryConfig.custom()
        .maxAttempts(policy.maxAttempts())
        .intervalBiFunction(interval)
        .retryOnException(e -> e instanceof VendorException v && v.retriable())
        .failAfterMaxAttempts(false)
        .build());
    retry.getEventPublisher().onRetry(e -> log.warn("{}: retry {} after {} ms: {}", installationId,
        e.getNumberOfRetryAttempts(), e.getWaitInterval().toMillis(), e.getLastThrowable().getMessage()));
  }

  /**
   * Calls the vendor, retrying retriable failures.
   *
   * @throws VendorException the last failure once retries are used up, or the first non-retriable one
   */
  <T> T call(String what, Supplier<T> call) {
    return retry.executeSupplier(() -> {
      try {
        return call.get();
      } catch (VendorException e) {
        throw e;
      } catch (RuntimeException e) {
        VendorException mapped = mapper.map(e);
        log.debug("{}: {} failed: {}", installationId, what, mapped.getMessage());
        throw mapped;
      }
    });
  }
}
