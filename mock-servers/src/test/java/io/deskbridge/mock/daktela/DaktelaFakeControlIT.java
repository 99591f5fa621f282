package io.deskbridge.mock.daktela;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The control endpoints through their Java client, as the demo drives a fake in another process. */
class DaktelaFakeControlIT {
  @RegisterExtension
  static final DaktelaFakeExtension EXT = new DaktelaFakeExtension();

  @Test
  void customersAndAgentsActThroughTheControlEndpoints() throws Exception {
    DaktelaFake fake = EXT.fake();
    DaktelaFakeControl control = DaktelaFakeControl.at(fake.baseUrl());
    try (Hook hook = new Hook()) {
      control.subscribe(DaktelaFake.Webhook.of(hook.uri(), "s3cret", true));
      String n = control.customerCreatesTicket("ann@example.com", "Ann", null, "Opening hours?\nThanks");
      assertThat(fake.ticket(n)).get().satisfies(t -> {
        assertThat(t.title()).isEqualTo("Opening hours?");
        assertThat(t.category()).isEqualTo("categories_support");
        assertThat(t.user()).isEmpty();
      });
      control.customerEmails(n, "Hello?");
      control.agentComments(n, "alice", "on it");
      control.agentEmails(n, "bob", "9 to 5");
      control.agentAssigns(n, "bob");
      control.agentSetsCategory(n, "categories_tech");
      control.agentAssigns(n, null);
      control.agentCloses(n);
      assertThat(control.ticket(n)).get().satisfies(t -> {
        assertThat(t.stage()).isEqualTo("CLOSE");
        assertThat(t.category()).isEqualTo("categories_tech");
        assertThat(t.user()).isEmpty();
      });
      assertThat(control.activities(n)).extracting(a -> a.type() + "/" + a.direction() + "/" + a.user())
          .containsExactly("EMAIL/in/", "EMAIL/in/", "COMMENT//alice", "EMAIL/out/bob");
      assertThat(control.tickets()).hasSize(1);
      assertThat(control.ticket("4242")).isEmpty();
      assertThat(fake.awaitDeliveries(Duration.ofSeconds(20))).isTrue();
      assertThat(hook.bodies()).hasSize(8).allMatch(b -> b.startsWith("event="));
      assertThat(hook.requests()).allMatch(r -> "s3cret".equals(r.secretHeader()));
    }
    assertThat(fake.apiCalls()).as("control calls are not API calls").isZero();
  }

  @Test
  void faultsAndResetWorkRemotelyAndBadInputIsA400WithTheReason() {
    DaktelaFake fake = EXT.fake();
    DaktelaFakeControl control = fake.control();
    control.failNext(1, 429, Duration.ofSeconds(2));
    Http.Response r = new Http(fake).get("/api/v6/users.json");
    assertThat(r.status()).isEqualTo(429);
    assertThat(r.header("Retry-After")).isEqualTo("2");
    control.failNthWrite(1, 500);
    control.clearFaults();
    assertThat(control.apiCalls()).isEqualTo(1);
    assertThat(control.account()).containsEntry("base_url", fake.baseUrl());

    assertThatThrownBy(() -> control.agentAssigns("4242", "bob")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("404");
    String n = control.customerCreatesTicket("ann@example.com", null, "T", "x");
    assertThatThrownBy(() -> control.agentAssigns(n, "mallory")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("400").hasMessageContaining("mallory");
    assertThatThrownBy(() -> control.failNext(1, 200, null)).hasMessageContaining("4xx or 5xx");
    control.reset();
    assertThat(fake.tickets()).isEmpty();

    assertThat(new Http(fake.baseUrl(), null).get("/__control/nothing").status()).isEqualTo(404);
    assertThat(fake.unmatchedRequests()).containsExactly("GET /__control/nothing");
    fake.reset();
  }
}
