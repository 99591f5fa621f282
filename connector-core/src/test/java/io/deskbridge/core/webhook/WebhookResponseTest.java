package io.deskbridge.core.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class WebhookResponseTest {
  @Test
  void anErrorIsValidJsonWhateverTheReasonContains() throws Exception {
    String reason = "bad \"quote\" \\ back\nslash\u0007 and ünïcode";
    var response = WebhookResponse.error(400, reason);

    assertThat(response.status()).isEqualTo(400);
    assertThat(new ObjectMapper().readTree(response.body()).path("error").asText()).isEqualTo(reason);
  }
}
