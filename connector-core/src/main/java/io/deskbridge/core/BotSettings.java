package io.deskbridge.core;

import io.deskbridge.core.config.Settings;
import io.deskbridge.core.bot.BotConfig;
import io.deskbridge.core.error.ConfigException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads the {@code bot} section of the configuration into a {@link BotConfig}. */
public final class BotSettings {
  private BotSettings() {}

  /**
   * Keys: {@code thresholdPercent}, {@code maxClarifications}, {@code maxBotTurns}, {@code defaultLanguage},
   * {@code keywords} (language → category → list), {@code humanRequestPhrases} (language → list) and
   * {@code intentGroups} (category → routing group) and {@code lowConfidence} ({@code clarify}, {@code retry} or
   * {@code handover}) and {@code uncoveredPercent}; all optional.
   */
  public static BotConfig from(Settings bot) {
    var defaults = BotConfig.defaults();
    try {
      return new BotConfig(
          bot.integer("thresholdPercent", defaults.thresholdPercent(), 0, 100),
          bot.integer("maxClarifications", defaults.maxClarifications(), 0, 10),
          bot.integer("maxBotTurns", defaults.maxBotTurns(), 1, 100),
          bot.string("defaultLanguage", defaults.defaultLanguage()),
          keywords(bot.section("keywords")),
          lists(bot.section("humanRequestPhrases")),
          strings(bot.section("intentGroups")),
          lowConfidence(bot, bot.string("lowConfidence", defaults.lowConfidence().name().toLowerCase(Locale.ROOT))),
          bot.integer("uncoveredPercent", defaults.uncoveredPercent(), 0, 90));
    } catch (ConfigException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      if (e.getMessage() != null && e.getMessage().startsWith(bot.path())) {
        throw e;
      }
      throw new IllegalArgumentException(bot.path() + ": " + e.getMessage(), e);
    }
  }

  private static BotConfig.LowConfidence lowConfidence(Settings bot, String value) {
    try {
      return BotConfig.LowConfidence.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw bot.invalid("lowConfidence", "must be clarify, retry or handover, was '" + value + "'");
    }
  }

  private static Map<String, Map<String, List<String>>> keywords(Settings section) {
    var out = new LinkedHashMap<String, Map<String, List<String>>>();
    section.keys().forEach(language -> out.put(language, lists(section.section(language))));
    return out;
  }

  private static Map<String, List<String>> lists(Settings section) {
    var out = new LinkedHashMap<String, List<String>>();
    section.keys().forEach(key -> out.put(key, section.stringList(key)));
    return out;
  }

  private static Map<String, String> strings(Settings section) {
    var out = new LinkedHashMap<String, String>();
    section.keys().forEach(key -> out.put(key, section.string(key, "")));
    return out;
  }
}
