package io.deskbridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code simulate} on the Salesforce and Daktela fakes (Email-to-Case Cases, e-mail tickets) through the demo's vendor
 * seam, with the demo knowledge base and the real bot: an answer the agent gave with the same article, one in Czech,
 * a request for a person, and an answer the agent contradicted by linking another article; an open conversation is
 * not read. Zendesk: {@code SimulateIT}.
 */
class SimulateVendorsIT {
  @TempDir
  Path dir;

  @ParameterizedTest
  @EnumSource(value = DemoVendor.Kind.class, names = {"salesforce", "daktela"})
  void replaysTheClosedConversations(DemoVendor.Kind kind) throws Exception {
    try (var vendor = kind.start(Duration.ofSeconds(5))) {
      String password = vendor.customerOpens("emma@example.com", "Emma", "Login",
          "How can I reset my password? I can't log in.");
      vendor.agentAnswers(password, "Hi Emma, follow https://shop.example/help/password-reset");
      vendor.agentSolves(password);
      String delivery = vendor.customerOpens("jan@example.cz", "Jan", "Doručení", "Jak dlouho trvá doručení do Brna?");
      vendor.agentAnswers(delivery, "Dobrý den, viz https://shop.example/help/delivery");
      vendor.agentSolves(delivery);
      String person = vendor.customerOpens("mia@example.com", "Mia", "Person", "I want to talk to a real person, please.");
      vendor.agentAnswers(person, "Hi Mia, Tom here. How can I help?");
      vendor.agentSolves(person);
      String address = vendor.customerOpens("liam@example.com", "Liam", "Address",
          "How can I change my delivery address?");
      vendor.agentAnswers(address, "Please check your order first: https://shop.example/help/order-status");
      vendor.agentSolves(address);
      vendor.customerOpens("ava@example.com", "Ava", "Order", "Where is my order #48213?");
      int callsBefore = vendor.apiCalls();

      var report = SimulateCommand.run(config(vendor), "acme", Instant.now().minus(Duration.ofDays(30)), 0,
          name -> null, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

      assertThat(report.conversations()).extracting(c -> c.id())
          .containsExactlyInAnyOrder(password, delivery, person, address);
      var all = report.rows().get(report.rows().size() - 1);
      assertThat(all.conversations()).isEqualTo(4);
      assertThat(all.answered()).isEqualTo(3);
      assertThat(all.agreeing()).isEqualTo(2);
      assertThat(all.risky()).isEqualTo(1);
      assertThat(all.handedOver()).isEqualTo(1);
      assertThat(report.risky()).singleElement().satisfies(c -> {
        assertThat(c.id()).isEqualTo(address);
        assertThat(c.turns().get(0).compared().orElseThrow().agentArticle()).isEqualTo("order-status");
      });
      assertThat(report.handoverReasons()).containsKey("human_request");
      assertThat(vendor.apiCalls()).as("the replay reads through the API").isGreaterThan(callsBefore);
      assertThat(vendor.unmatchedRequests()).isEmpty();
    }
  }

  private Path config(DemoVendor vendor) throws Exception {
    return Files.writeString(dir.resolve("deskbridge.yaml"), """
        dataDirectory: data
        knowledge: %s
        installations:
          - id: acme
            mode: auto
        %s""".formatted(Path.of("src/main/resources/demo-kb").toAbsolutePath(), vendor.installationYaml("    ", dir)));
  }
}
