package io.deskbridge.core;

import io.deskbridge.core.config.Settings;
import io.deskbridge.core.bot.BotConfig;
import io.deskbridge.core.bot.EmbeddingModelConfig;
import io.deskbridge.core.error.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
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

  /**
   * The {@code bot.embedding} section: {@code modelFile} and {@code tokenizerFile} (both or neither; absolute, or
   * relative to the configuration file's folder, which {@link ConfigLoader} resolves), {@code pooling} ({@code mean}
   * or {@code cls}), {@code normalize} (true), {@code prefix} and {@code multilingual}; see
   * {@link EmbeddingModelConfig}. Absent, the bundled model.
   *
   * @throws ConfigException naming the setting, when a value is invalid or a named file does not exist
   */
  public static EmbeddingModelConfig embeddingModel(Settings bot) {
    var section = bot.section("embedding");
    var model = section.optionalString("modelFile").map(Path::of).orElse(null);
    var tokenizer = section.optionalString("tokenizerFile").map(Path::of).orElse(null);
    for (var key : List.of("modelFile", "tokenizerFile")) {
      var file = key.equals("modelFile") ? model : tokenizer;
      if (file != null && !Files.isRegularFile(file)) {
        throw section.invalid(key, file + " does not exist; download the model's files (README, \"Embedding "
            + "models\") or remove " + section.path() + " to use the bundled English model");
      }
    }
    EmbeddingModelConfig.Pooling pooling;
    try {
      pooling = EmbeddingModelConfig.Pooling.of(section.string("pooling", "mean"));
    } catch (IllegalArgumentException e) {
      throw section.invalid("pooling", "must be mean or cls, was '" + section.string("pooling", "") + "'");
    }
    try {
      return new EmbeddingModelConfig(model, tokenizer, pooling, section.bool("normalize", true),
          prefix(section), section.bool("multilingual", false));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(section.path() + "." + e.getMessage(), e);
    }
  }

  /** The prefix as written, spaces kept ("query: "). */
  private static String prefix(Settings section) {
    Object value = section.raw("prefix");
    if (value instanceof Map || value instanceof List) {
      throw section.invalid("prefix", "must be a single value");
    }
    return value == null ? "" : value.toString();
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
