package io.deskbridge.salesforce.internal.client;

import com.sforce.soap.partner.LimitInfo;
import com.sforce.soap.partner.LimitInfoHeader_element;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The org's API usage as the {@code LimitInfoHeader} ({@code API REQUESTS} current/limit) of each answer reports it,
 * and the connector's per-minute budget: the daily allocation (configured, else the header's limit) times the share,
 * spread over 1,440 minutes. Logs one warning when usage passes 80 % of the allocation, and again only after it fell
 * below. Thread-safe.
 */
public final class SalesforceLimits {
  private static final Logger log = LoggerFactory.getLogger(SalesforceLimits.class);
  /** The share of the allocation above which usage is logged. */
  static final double WARN_AT = 0.8;

  private final String installationId;
  private final int configuredDaily;
  private final double share;
  private final AtomicLong current = new AtomicLong(-1);
  private final AtomicLong limit = new AtomicLong(-1);
  private final AtomicBoolean warned = new AtomicBoolean();

  /**
   * @param configuredDaily the configured daily allocation, or 0 to take the header's
   * @param share           the share of the allocation the connector may use
   */
  public SalesforceLimits(String installationId, int configuredDaily, double share) {
    this.installationId = installationId;
    this.configuredDaily = configuredDaily;
    this.share = share;
  }

  /** Records the usage an answer reported (a null header, as on login, changes nothing). */
  public void observe(LimitInfoHeader_element header) {
    if (header == null || header.getLimitInfo() == null) {
      return;
    }
    for (LimitInfo info : header.getLimitInfo()) {
      if (info != null && "API REQUESTS".equalsIgnoreCase(info.getType())) {
        observe(info.getCurrent(), info.getLimit());
      }
    }
  }

  /** Records the API requests used and the org's limit. */
  void observe(long used, long max) {
    current.set(used);
    limit.set(max);
    long allocation = configuredDaily > 0 ? configuredDaily : max;
    if (allocation <= 0) {
      return;
    }
    if (used >= WARN_AT * allocation) {
      if (warned.compareAndSet(false, true)) {
        log.warn("{}: Salesforce API usage is {} of {} requests in the last 24 hours ({} %); past the limit every "
            + "API user of the org is refused", installationId, used, allocation, used * 100 / allocation);
      }
    } else {
      warned.set(false);
    }
  }

  /** The requests used in the last 24 hours as last reported; -1 before any answer. */
  public long current() {
    return current.get();
  }

  /** The daily allocation in effect: the configured one, else the last reported limit; 0 when unknown. */
  public long dailyAllocation() {
    return configuredDaily > 0 ? configuredDaily : Math.max(0, limit.get());
  }

  /** The per-minute budget: allocation × share / 1,440, at least 1; 0 (no limit) while the allocation is unknown. */
  public int requestsPerMinute() {
    long allocation = dailyAllocation();
    return allocation <= 0 ? 0 : (int) Math.max(1, Math.floor(allocation * share / 1440));
  }
}
