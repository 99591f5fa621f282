package io.deskbridge.core.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BotConfigTest {

  @Test
  void defaults() {
    var config = BotConfig.defaults();

    assertThat(config.thresholdPercent()).isEqualTo(55);
    assertThat(config.maxClarifications()).isEqualTo(1);
    assertThat(config.maxBotTurns()).isEqualTo(4);
    assertThat(config.defaultLanguage()).isEqualTo("en");
    assertThat(config.keywords()).containsOnlyKeys("en", "cs", "pl", "sk", "sl");
    assertThat(config.keywords().get("cs").get("complaint")).contains("reklamac*");
    assertThat(config.humanRequestPhrases()).containsKeys("en", "cs", "pl", "sk", "sl");
    assertThat(config.intentGroups())
        .containsEntry("complaint", "Complaints").containsEntry("cancellation", "Billing")
        .containsEntry("legal", "Complaints");
  }

  @Test
  void givenKeywordsReplaceTheirPairAndAddNewOnes() {
    var config = new BotConfig(55, 1, 4, "en",
        Map.of("cs", Map.of("legal", List.of("exekuc*")), "de", Map.of("legal", List.of("anwalt*"))),
        Map.of("de", List.of("mit einem menschen")), Map.of("cancellation", "Retention"), null, 20);

    assertThat(config.keywords().get("cs").get("legal")).containsExactly("exekuc*");
    assertThat(config.keywords().get("cs").get("complaint")).contains("reklamac*");
    assertThat(config.keywords().get("de")).containsOnlyKeys("legal");
    assertThat(config.keywords().get("en").get("legal")).contains("lawyer*");
    assertThat(config.humanRequestPhrases()).containsKeys("de", "en");
    assertThat(config.intentGroups()).containsEntry("cancellation", "Retention").containsEntry("legal", "Complaints");
  }

  @Test
  void validates() {
    assertThatThrownBy(() -> BotConfig.defaults().withThresholdPercent(101)).hasMessageContaining("0..100");
    assertThatThrownBy(() -> BotConfig.defaults().withMaxClarifications(-1)).hasMessageContaining("maxClarifications");
    assertThatThrownBy(() -> BotConfig.defaults().withMaxBotTurns(0)).hasMessageContaining("maxBotTurns");
    assertThatThrownBy(() -> BotConfig.defaults().withDefaultLanguage("English")).hasMessageContaining("ISO 639-1");
    assertThatThrownBy(() -> new BotConfig(55, 1, 4, "en", Map.of("en", Map.of("refund", List.of("x"))), null, null, null, 20))
        .hasMessageContaining("keywords.en: unknown category 'refund'");
    assertThatThrownBy(() -> new BotConfig(55, 1, 4, "en", null, null, Map.of("sales", "Sales"), null, 20))
        .hasMessageContaining("intentGroups: unknown category 'sales'");
  }

  @Test
  void nullsMeanDefaultsAndWithersKeepTheRest() {
    var config = new BotConfig(70, 0, 2, null, null, null, null, null, 20).withMaxBotTurns(3);

    assertThat(config.defaultLanguage()).isEqualTo("en");
    assertThat(config.thresholdPercent()).isEqualTo(70);
    assertThat(config.maxClarifications()).isZero();
    assertThat(config.maxBotTurns()).isEqualTo(3);
    assertThat(config.threshold()).isEqualTo(0.7);
  }
}
