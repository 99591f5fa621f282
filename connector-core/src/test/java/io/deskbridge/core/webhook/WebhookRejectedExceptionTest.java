package io.deskbridge.core.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WebhookRejectedExceptionTest {

  @Test
  void aRefusalIsA4xxWithItsReason() {
    assertThat(WebhookRejectedException.unauthorized("bad signature").status()).isEqualTo(401);
    assertThat(WebhookRejectedException.badRequest("not JSON").status()).isEqualTo(400);
    var tooLarge = WebhookRejectedException.withStatus(413, "body larger than 64 bytes");
    assertThat(tooLarge.status()).isEqualTo(413);
    assertThat(tooLarge).hasMessage("body larger than 64 bytes");
  }

  @Test
  void aStatusOutside4xxIsNotARefusal() {
    assertThatThrownBy(() -> WebhookRejectedException.withStatus(503, "down")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("4xx").hasMessageContaining("503");
    assertThatThrownBy(() -> WebhookRejectedException.withStatus(399, "x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> WebhookRejectedException.withStatus(500, "x")).isInstanceOf(IllegalArgumentException.class);
  }
}
