package io.deskbridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.core.Deskbridge;
import io.deskbridge.core.bot.BotConfig;
import io.deskbridge.core.engine.Connectors;
import io.deskbridge.core.knowledge.KnowledgeLoader;
import io.deskbridge.mock.zendesk.ZendeskFake;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The demo's script, run as a test so CI catches a change that breaks it. */
class DemoIT {
  @Test
  void everyScriptedOutcomeIsAsExpected() {
    try (var fake = ZendeskFake.start(ZendeskFake.Config.defaults().withDelivery(Duration.ofSeconds(5), 5, Duration.ofMillis(200)));
        var deskbridge = Deskbridge.start(Demo.config(fake), KnowledgeLoader.loadFromClasspath(
            DemoIT.class.getClassLoader(), "demo-kb"), BotConfig.defaults(), Connectors.discover(), Clock.systemUTC())) {
      fake.registerEventWebhook(URI.create("http://127.0.0.1:" + deskbridge.port() + "/webhooks/demo"), DemoCommand.SECRET);

      var outcomes = Demo.play(fake, deskbridge, Demo.script(fake));

      assertThat(outcomes).hasSizeGreaterThanOrEqualTo(12);
      assertThat(outcomes).allSatisfy(o -> assertThat(o.ok())
          .as("step '%s': expected %s (%s), got %s", o.step().says(), o.step().expectDecision(),
              o.step().expectReason(), o.audit())
          .isTrue());
      assertThat(outcomes).filteredOn(o -> o.audit().decision().equals("handover"))
          .allSatisfy(o -> assertThat(o.note()).startsWith("Deskbridge handover").contains("Why:"));
      assertThat(fake.unmatchedRequests()).isEmpty();
    }
  }
}
