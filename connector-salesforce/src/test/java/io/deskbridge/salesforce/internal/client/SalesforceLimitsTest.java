package io.deskbridge.salesforce.internal.client;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.sforce.soap.partner.LimitInfo;
import com.sforce.soap.partner.LimitInfoHeader_element;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class SalesforceLimitsTest {
  private static LimitInfoHeader_element header(long current, long limit) {
    var info = new LimitInfo();
    info.setType("API REQUESTS");
    info.setCurrent(current);
    info.setLimit(limit);
    var header = new LimitInfoHeader_element();
    header.setLimitInfo(new LimitInfo[] {info});
    return header;
  }

  @Test
  void theBudgetIsTheShareOfTheReportedAllocationSpreadOverTheDay() {
    var limits = new SalesforceLimits("acme", 0, 0.5);
    assertThat(limits.requestsPerMinute()).as("unknown before any answer: no limit").isZero();

    limits.observe(header(42, 100_000));

    assertThat(limits.current()).isEqualTo(42);
    assertThat(limits.dailyAllocation()).isEqualTo(100_000);
    assertThat(limits.requestsPerMinute()).isEqualTo(34); // 100,000 x 0.5 / 1,440 = 34.7
  }

  @Test
  void aConfiguredAllocationWinsOverTheHeader() {
    var limits = new SalesforceLimits("acme", 1_440_000, 1.0);
    limits.observe(header(1, 15_000));
    assertThat(limits.requestsPerMinute()).isEqualTo(1000);
  }

  @Test
  void aSmallOrgStillGetsOneRequestAMinuteAndLoginsHeaderlessAnswersChangeNothing() {
    var limits = new SalesforceLimits("acme", 0, 0.01);
    limits.observe(header(10, 15_000));
    limits.observe(null);
    assertThat(limits.requestsPerMinute()).isEqualTo(1);
    assertThat(limits.current()).isEqualTo(10);
  }

  @Test
  void usagePastEightyPercentIsLoggedOnceUntilItFallsBelowAgain() {
    var logger = (Logger) LoggerFactory.getLogger(SalesforceLimits.class);
    var appender = new ListAppender<ILoggingEvent>();
    appender.start();
    logger.addAppender(appender);
    try {
      var limits = new SalesforceLimits("acme", 0, 0.5);
      limits.observe(header(11_999, 15_000));
      limits.observe(header(12_000, 15_000));
      limits.observe(header(12_500, 15_000));
      assertThat(appender.list).singleElement().satisfies(e -> {
        assertThat(e.getLevel()).isEqualTo(Level.WARN);
        assertThat(e.getFormattedMessage()).isEqualTo("acme: Salesforce API usage is 12000 of 15000 requests in the "
            + "last 24 hours (80 %); past the limit every API user of the org is refused");
      });

      limits.observe(header(9_000, 15_000)); // the rolling day moved on
      limits.observe(header(13_000, 15_000));
      assertThat(appender.list).hasSize(2);
    } finally {
      logger.detachAppender(appender);
    }
  }
}
