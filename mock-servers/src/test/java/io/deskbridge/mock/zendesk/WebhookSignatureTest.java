package io.deskbridge.mock.zendesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Offline checks of the signing formula and the configuration record. */
class WebhookSignatureTest {
  private static final String SECRET = "HRkRd4BeOAoUkfZr-mhauJT64rvBASlJRoIyPsd3zeA=";
  private static final String TIMESTAMP = "2021-07-25T10:00:00Z";
  private static final byte[] BODY = "{\"say\": \"hello\"}".getBytes(StandardCharsets.UTF_8);

  @Test
  void signsTimestampThenBodyWithTheRawSecretString() {
    // the old doc vector (§1.4) verifies only as body + timestamp: it pins key handling and
    // encoding, and shows the fake follows the current text (timestamp + body)
    String vector = "tRDSF7URY8BLCDlaBcQ7FHu051Zk+aAB0NKMP53teMw=";
    assertThat(WebhookDispatcher.sign(SECRET, "{\"say\": \"hello\"}",
        TIMESTAMP.getBytes(StandardCharsets.UTF_8))).isEqualTo(vector);
    assertThat(WebhookDispatcher.sign(SECRET, TIMESTAMP, BODY)).isNotEqualTo(vector)
        .isBase64();
  }

  @Test
  void configValidatesAndRedactsTheToken() {
    ZendeskFakeConfig config = ZendeskFakeConfig.defaults().withAgent("bot@x.example", "s3cret");
    assertThat(config.toString()).doesNotContain("s3cret").contains("bot@x.example");
    assertThat(config.groupNames()).hasSize(5);
    assertThatThrownBy(() -> config.withPerMinuteBudget(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> config.withDelivery(Duration.ZERO, 5, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
