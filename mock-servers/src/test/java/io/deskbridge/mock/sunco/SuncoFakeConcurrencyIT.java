package io.deskbridge.mock.sunco;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Many conversations at once, as the chat benchmark drives it: nothing lost, every event delivered once. */
class SuncoFakeConcurrencyIT {
  @RegisterExtension
  final SuncoFakeExtension ext = new SuncoFakeExtension();

  private final SuncoHook hook = new SuncoHook();

  @AfterEach
  void stop() {
    hook.close();
  }

  @Test
  void parallelCustomersAndRepliesAreAllStoredAndDeliveredOnce() throws Exception {
    SuncoFake fake = ext.fake();
    fake.subscribe(hook.uri());
    int conversations = 40;
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<String>> started = new ArrayList<>();
      for (int i = 0; i < conversations; i++) {
        int n = i;
        started.add(pool.submit(() -> {
          String conv = fake.customerStarts("C" + n, null, "hello " + n).conversationId();
          SuncoClient api = SuncoClient.basic(fake);
          for (int k = 0; k < 3; k++) {
            fake.customerSends(conv, "more " + k);
            assertThat(api.post("/conversations/" + conv + "/messages", "{\"author\":{\"type\":\"business\"},"
                + "\"content\":{\"type\":\"text\",\"text\":\"reply " + k + "\"}}").status()).isEqualTo(201);
          }
          return conv;
        }));
      }
      for (Future<String> f : started) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(fake.awaitDeliveries(Duration.ofSeconds(60))).isTrue();

    assertThat(fake.conversations()).hasSize(conversations).allSatisfy(c -> {
      assertThat(c.messagesBy("user")).hasSize(4);
      assertThat(c.apiReplies()).extracting(SuncoViews.Message::text)
          .containsExactly("reply 0", "reply 1", "reply 2");
    });
    assertThat(hook.events("conversation:message")).hasSize(conversations * 7)
        .extracting(e -> e.get("id").asText()).doesNotHaveDuplicates();
    assertThat(fake.apiCalls()).isEqualTo(conversations * 3);
  }
}
