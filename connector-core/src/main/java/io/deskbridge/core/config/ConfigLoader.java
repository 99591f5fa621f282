package io.deskbridge.core.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads the one YAML configuration file. Scalar settings of the {@code server}, {@code store},
 * {@code engine} and {@code bot} sections,
 * and the top-level {@code knowledge}, can be overridden by environment variables named
 * {@code DESKBRIDGE_<SECTION>_<KEY>} in upper case (for example {@code DESKBRIDGE_SERVER_PORT},
 * {@code DESKBRIDGE_BOT_THRESHOLDPERCENT}, {@code DESKBRIDGE_KNOWLEDGE}).
 */
public final class ConfigLoader {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private ConfigLoader() {}

  /** Parses and validates; the message of any failure names the file and the setting. */
  public static DeskbridgeConfig load(Path file, Function<String, String> env) {
    Map<String, Object> root;
    try {
      @SuppressWarnings("unchecked")
      Map<String, Object> parsed = YAML.readValue(Files.readString(file), Map.class);
      root = parsed == null ? new LinkedHashMap<>() : new LinkedHashMap<>(parsed);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read configuration " + file + ": " + e.getMessage(), e);
    }
    applyOverrides(root, env);
    try {
      return DeskbridgeConfig.from(new Settings("", root, env), file.toAbsolutePath().getParent());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
  }

  @SuppressWarnings("unchecked")
  private static void applyOverrides(Map<String, Object> root, Function<String, String> env) {
    String knowledge = env.apply("DESKBRIDGE_KNOWLEDGE");
    if (knowledge != null) {
      root.put("knowledge", knowledge);
    }
    for (String section : List.of("server", "store", "engine", "bot")) {
      Object value = root.get(section);
      var map = value instanceof Map<?, ?> m ? new LinkedHashMap<>((Map<String, Object>) m) : new LinkedHashMap<String, Object>();
      for (String key : DeskbridgeConfig.scalarKeys(section)) {
        String override = env.apply("DESKBRIDGE_" + section.toUpperCase(Locale.ROOT) + "_" + key.toUpperCase(Locale.ROOT));
        if (override != null) {
          map.put(key, override);
        }
      }
      root.put(section, map);
    }
  }
}
