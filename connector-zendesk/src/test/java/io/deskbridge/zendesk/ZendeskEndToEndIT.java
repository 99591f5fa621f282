package io.deskbridge.zendesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.deskbridge.core.contract.AbstractEndToEndIT;
import io.deskbridge.core.contract.VendorFixture;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ZendeskEndToEndIT extends AbstractEndToEndIT {
  @Override
  protected VendorFixture fixture() {
    return new ZendeskFixture();
  }

  @Test
  void aNewTicketIsAnsweredWithOneApiCall() {
    String id = fixture.customerOpens("Login", "How do I reset my password? I can't log in.");

    await().atMost(Duration.ofSeconds(30)).until(() -> fixture.messages(id).stream()
        .anyMatch(m -> m.author().equals(VendorFixture.FakeMessage.BOT) && m.isPublic()));
    settle();

    assertThat(fixture.apiCalls(id)).as("the reply, answered from the created event's opening without a load")
        .isEqualTo(1);
  }
}
