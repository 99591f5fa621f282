package io.deskbridge.core;

import io.deskbridge.core.config.EnvOverride;
import io.deskbridge.core.config.DidYouMean;
import io.deskbridge.core.config.ConfigSchema;
import io.deskbridge.core.config.Settings;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.deskbridge.core.engine.Connectors;
import io.deskbridge.core.error.ConfigException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads the one YAML configuration file, strictly: a key that is not a setting is an error naming the closest
 * one (the shape is {@code deskbridge.schema.json} beside this class, and each vendor's settings are checked by
 * the schema its {@link io.deskbridge.core.spi.ConnectorFactory} supplies). Relative paths in the file (the
 * knowledge base, the data directory, the store directory, the cache, labelled cases, secret files) are relative
 * to the file's folder.
 *
 * <p>Scalar settings of the {@code server}, {@code store}, {@code engine} and {@code bot} sections, and the
 * top-level {@code knowledge} and {@code dataDirectory}, can be overridden by environment variables named
 * {@code DESKBRIDGE_<SECTION>_<KEY>} in upper case (for example {@code DESKBRIDGE_SERVER_PORT},
 * {@code DESKBRIDGE_BOT_THRESHOLDPERCENT}, {@code DESKBRIDGE_KNOWLEDGE}); an error about such a value names the
 * variable.
 */
public final class ConfigLoader {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ConfigSchema SCHEMA = ConfigSchema.read(ConfigLoader.class.getResource("deskbridge.schema.json"));

  private ConfigLoader() {}

  /** As {@link #load(Path, Function, Connectors)} with the connectors on the class path. */
  public static DeskbridgeConfig load(Path file, Function<String, String> env) {
    return load(file, env, Connectors.discover());
  }

  /**
   * Parses and validates.
   *
   * @param file       the YAML file
   * @param env        looks up environment variables (overrides, secrets, {@code XDG_DATA_HOME})
   * @param connectors the vendors that may be named, whose settings schemas are checked
   * @throws ConfigException for any mistake: one line naming the file (or the environment variable) and the
   *                         setting, and the fix
   */
  public static DeskbridgeConfig load(Path file, Function<String, String> env, Connectors connectors) {
    JsonNode tree = parse(file);
    Path baseDir = file.toAbsolutePath().getParent();
    try {
      var problems = new ArrayList<>(SCHEMA.problems(tree, "", (list, i) -> elementName(tree, i)));
      problems.addAll(vendorProblems(tree, connectors));
      if (!problems.isEmpty()) {
        throw new ConfigException(String.join("; ", problems));
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> root = new LinkedHashMap<>(YAML.convertValue(tree, Map.class));
      resolveSecretFiles(root, baseDir);
      resolveEmbeddingFiles(root, baseDir);
      applyOverrides(root, env);
      var settings = new Settings("", root, env);
      var config = DeskbridgeConfig.from(settings, baseDir, defaultDataDirectory(env));
      BotSettings.from(config.bot()); // its errors belong to the file too
      BotSettings.embeddingModel(config.bot());
      return config;
    } catch (ConfigException e) {
      if (e.fromEnvironment()) {
        throw e;
      }
      throw new ConfigException(file + ": " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(file + ": " + e.getMessage(), e);
    }
  }

  /**
   * The default data directory: {@code $XDG_DATA_HOME/deskbridge}, else {@code ~/.local/share/deskbridge}. The
   * store ({@code store/}) and the knowledge cache ({@code cache/}) are kept there unless set.
   */
  public static Path defaultDataDirectory(Function<String, String> env) {
    String xdg = env.apply("XDG_DATA_HOME");
    if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
      return Path.of(xdg, "deskbridge");
    }
    return Path.of(System.getProperty("user.home"), ".local", "share", "deskbridge");
  }

  private static JsonNode parse(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new ConfigException(file + ": no such file (looked for " + file.toAbsolutePath()
          + "); give the path of your configuration with --config, e.g. the example connector-app/deskbridge.example.yaml");
    } catch (AccessDeniedException e) {
      throw new ConfigException(file + ": this user may not read it; fix its permissions");
    } catch (IOException e) {
      throw new ConfigException(file + ": cannot be read (" + e + ")", e);
    }
    JsonNode tree;
    try {
      tree = YAML.readTree(text);
    } catch (JsonProcessingException e) {
      var at = e.getLocation();
      throw new ConfigException(file + ": not valid YAML" + (at == null ? "" : " at line " + at.getLineNr()
          + ", column " + at.getColumnNr()) + ": " + e.getOriginalMessage().lines().findFirst().orElse("")
          + "; check the indentation and quoting there", e);
    }
    if (tree == null || tree.isMissingNode() || tree.isNull()) {
      return YAML.createObjectNode();
    }
    if (!(tree instanceof ObjectNode)) {
      throw new ConfigException(file + ": must be a YAML map of settings (server:, knowledge:, installations: …)");
    }
    return tree;
  }

  /** An installation's id for its index in a path, so that errors say {@code installations[acme]}. */
  private static String elementName(JsonNode tree, int index) {
    JsonNode id = tree.path("installations").path(index).path("id");
    return id.isValueNode() && !id.asText().isBlank() ? id.asText() : Integer.toString(index);
  }

  private static List<String> vendorProblems(JsonNode tree, Connectors connectors) {
    var problems = new ArrayList<String>();
    JsonNode installations = tree.path("installations");
    for (int i = 0; i < installations.size(); i++) {
      JsonNode installation = installations.path(i);
      String at = "installations[" + elementName(tree, i) + "]";
      JsonNode vendor = installation.path("vendor");
      if (!vendor.isValueNode() || vendor.asText().isBlank()) {
        continue; // "is required" comes from the reader, with the others
      }
      var known = connectors.vendors();
      if (!known.contains(vendor.asText())) {
        problems.add(at + ".vendor '" + vendor.asText() + "' is not a known vendor"
            + DidYouMean.closest(vendor.asText(), known).map(k -> "; did you mean '" + k + "'?").orElse("")
            + " (known: " + String.join(", ", known) + ")");
        continue;
      }
      JsonNode settings = installation.path("settings");
      if (settings.isObject()) {
        connectors.forVendor(vendor.asText()).settingsSchema().map(ConfigSchema::read).ifPresent(schema ->
            problems.addAll(schema.problems(settings, at + ".settings", ConfigSchema.ListElementNames.indices())));
      }
    }
    return problems;
  }

  /** Makes {@code {file: PATH}} secrets absolute against the configuration file's folder. */
  @SuppressWarnings("unchecked")
  private static void resolveSecretFiles(Map<String, Object> map, Path baseDir) {
    for (var entry : map.entrySet()) {
      Object value = entry.getValue();
      if (value instanceof Map<?, ?> m && m.size() == 1 && m.get("file") instanceof String path) {
        entry.setValue(Map.of("file", baseDir.resolve(path).toString()));
      } else if (value instanceof Map<?, ?> m) {
        var copy = new LinkedHashMap<>((Map<String, Object>) m);
        resolveSecretFiles(copy, baseDir);
        entry.setValue(copy);
      } else if (value instanceof List<?> list) {
        var copy = new ArrayList<Object>();
        for (Object element : list) {
          if (element instanceof Map<?, ?> m) {
            var inner = new LinkedHashMap<>((Map<String, Object>) m);
            resolveSecretFiles(inner, baseDir);
            copy.add(inner);
          } else {
            copy.add(element);
          }
        }
        entry.setValue(copy);
      }
    }
  }

  /** Makes {@code bot.embedding}'s model and tokenizer files absolute against the configuration file's folder. */
  @SuppressWarnings("unchecked")
  private static void resolveEmbeddingFiles(Map<String, Object> root, Path baseDir) {
    if (root.get("bot") instanceof Map<?, ?> bot && bot.get("embedding") instanceof Map<?, ?> embedding) {
      var resolved = new LinkedHashMap<>((Map<String, Object>) embedding);
      for (String key : List.of("modelFile", "tokenizerFile")) {
        if (resolved.get(key) instanceof String path) {
          resolved.put(key, baseDir.resolve(path).toString());
        }
      }
      var botCopy = new LinkedHashMap<>((Map<String, Object>) bot);
      botCopy.put("embedding", resolved);
      root.put("bot", botCopy);
    }
  }

  @SuppressWarnings("unchecked")
  private static void applyOverrides(Map<String, Object> root, Function<String, String> env) {
    for (String key : List.of("knowledge", "dataDirectory")) {
      String variable = "DESKBRIDGE_" + key.toUpperCase(Locale.ROOT);
      String override = env.apply(variable);
      if (override != null) {
        root.put(key, new EnvOverride(variable, override));
      }
    }
    for (String section : List.of("server", "store", "engine", "bot")) {
      Object value = root.get(section);
      if (value != null && !(value instanceof Map)) {
        continue; // the reader explains that a section must be key: value pairs
      }
      var map = value == null ? new LinkedHashMap<String, Object>() : new LinkedHashMap<>((Map<String, Object>) value);
      for (String key : DeskbridgeConfig.scalarKeys(section)) {
        String variable = "DESKBRIDGE_" + section.toUpperCase(Locale.ROOT) + "_" + key.toUpperCase(Locale.ROOT);
        String override = env.apply(variable);
        if (override != null) {
          map.put(key, new EnvOverride(variable, override));
        }
      }
      root.put(section, map);
    }
  }
}
