package io.deskbridge.mock.daktela;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** People, API clients and deliveries at once: no deadlock, nothing lost, one event per change. */
class DaktelaFakeConcurrencyIT {
  @RegisterExtension
  static final DaktelaFakeExtension EXT = new DaktelaFakeExtension();

  @Test
  void customersAgentsAndTheApiWorkInParallel() throws Exception {
    DaktelaFake fake = EXT.fake();
    try (Hook hook = new Hook()) {
      fake.subscribe(DaktelaFake.Webhook.of(hook.uri(), "s", false));
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        List<Future<?>> work = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
          int k = i;
          work.add(pool.submit(() -> {
            Http api = new Http(fake);
            for (int j = 0; j < 5; j++) {
              String n = fake.customerCreatesTicket("c" + k + "@example.com", null, "T" + k + j, "hello");
              assertThat(api.post("/api/v6/activities.json", "{\"ticket\":" + n + ",\"type\":\"COMMENT\","
                  + "\"description\":\"note\"}").status()).isEqualTo(201);
              assertThat(api.put("/api/v6/tickets/" + n + ".json", "{\"user\":\"alice\"}").status()).isEqualTo(200);
              fake.customerEmails(n, "more");
              assertThat(api.get("/api/v6/tickets/" + n + "/activities.json").result().get("total").asInt())
                  .isEqualTo(3);
            }
            return null;
          }));
        }
        for (Future<?> f : work) {
          f.get();
        }
      } finally {
        pool.shutdownNow();
      }
      assertThat(fake.awaitDeliveries(Duration.ofSeconds(30))).isTrue();
      assertThat(fake.tickets()).hasSize(20);
      assertThat(fake.tickets()).extracting(DaktelaFake.TicketView::name).doesNotHaveDuplicates();
      // per ticket: ticket_create, activity_create (comment), ticket_update (assign), activity_create (e-mail)
      assertThat(hook.bodies()).hasSize(80);
      assertThat(fake.apiCalls()).isEqualTo(60);
    }
  }
}
