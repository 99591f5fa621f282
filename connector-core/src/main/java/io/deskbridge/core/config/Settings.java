package io.deskbridge.core.config;

import io.deskbridge.core.error.ConfigException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A read-only view of one configuration section, as parsed from YAML. Every getter fails with an
 * {@link IllegalArgumentException} whose message names the full path of the setting, so an admin sees
 * exactly what to fix. Secret settings are written as {@code {env: NAME}} or {@code {file: PATH}}.
 */
public final class Settings {
  private final String path;
  private final Map<String, Object> values;
  private final Function<String, String> env;

  /**
   * @param path   where this section is, e.g. {@code installations[acme].settings}
   * @param values the section's values (strings, numbers, booleans, lists, maps, {@link Secret}s)
   * @param env    looks up environment variables
   */
  public Settings(String path, Map<String, ?> values, Function<String, String> env) {
    this.path = path;
    this.values = new LinkedHashMap<>(values == null ? Map.of() : values);
    this.env = env;
  }

  /** Settings given in code, with the process environment. */
  public static Settings of(String path, Map<String, ?> values) {
    return new Settings(path, values, System::getenv);
  }

  public String path() {
    return path;
  }

  public Optional<String> optionalString(String key) {
    Object v = raw(key);
    if (v == null) {
      return Optional.empty();
    }
    if (v instanceof Map || v instanceof List) {
      throw invalid(key, "must be a single value");
    }
    String s = v.toString().strip();
    return s.isEmpty() ? Optional.empty() : Optional.of(s);
  }

  public String string(String key) {
    return optionalString(key).orElseThrow(() -> invalid(key, "is required"));
  }

  public String string(String key, String defaultValue) {
    return optionalString(key).orElse(defaultValue);
  }

  public int integer(String key, int defaultValue, int min, int max) {
    var s = optionalString(key);
    if (s.isEmpty()) {
      return defaultValue;
    }
    try {
      int v = Integer.parseInt(s.get());
      if (v < min || v > max) {
        throw invalid(key, "must be between " + min + " and " + max + ", was " + v);
      }
      return v;
    } catch (NumberFormatException e) {
      throw invalid(key, "must be a whole number, was '" + s.get() + "'");
    }
  }

  public boolean bool(String key, boolean defaultValue) {
    var s = optionalString(key);
    if (s.isEmpty()) {
      return defaultValue;
    }
    return switch (s.get().toLowerCase(java.util.Locale.ROOT)) {
      case "true", "yes", "on" -> true;
      case "false", "no", "off" -> false;
      default -> throw invalid(key, "must be true or false, was '" + s.get() + "'");
    };
  }

  /** A duration such as {@code 30s}, {@code 500ms}, {@code 5m}, {@code 2h}, {@code 7d} or ISO-8601 {@code PT30S}. */
  public Duration duration(String key, Duration defaultValue) {
    var s = optionalString(key);
    if (s.isEmpty()) {
      return defaultValue;
    }
    String t = s.get().toLowerCase(java.util.Locale.ROOT);
    try {
      if (t.startsWith("pt")) {
        return Duration.parse(t.toUpperCase(java.util.Locale.ROOT));
      } else if (t.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
      } else if (t.endsWith("s")) {
        return Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)));
      } else if (t.endsWith("m")) {
        return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
      } else if (t.endsWith("h")) {
        return Duration.ofHours(Long.parseLong(t.substring(0, t.length() - 1)));
      } else if (t.endsWith("d")) {
        return Duration.ofDays(Long.parseLong(t.substring(0, t.length() - 1)));
      }
    } catch (RuntimeException e) {
      // fall through to the error below
    }
    throw invalid(key, "must be a duration like 30s, 500ms or 5m, was '" + s.get() + "'");
  }

  public URI uri(String key) {
    String s = string(key);
    try {
      URI uri = URI.create(s);
      if (uri.getScheme() == null || uri.getHost() == null) {
        throw invalid(key, "must be an absolute http(s) URL, was '" + s + "'");
      }
      return uri;
    } catch (IllegalArgumentException e) {
      if (e.getMessage() != null && e.getMessage().startsWith(path)) {
        throw e;
      }
      throw invalid(key, "must be a URL, was '" + s + "'");
    }
  }

  /**
   * A secret written as {@code {env: NAME}} or {@code {file: PATH}}; a plain string is refused. A relative
   * {@code file} is resolved against the working directory here; {@code io.deskbridge.core.ConfigLoader} has already made those of a
   * configuration file absolute against the file's folder.
   */
  public Secret secret(String key) {
    Object v = values.get(key);
    if (v instanceof Secret secret) {
      return secret;
    }
    var problem = secretProblem(key);
    if (problem.isPresent()) {
      throw invalid(key, problem.get());
    }
    Map<?, ?> m = (Map<?, ?>) v;
    try {
      return m.get("env") != null ? Secret.fromEnv(m.get("env").toString(), env)
          : Secret.fromFile(Path.of(m.get("file").toString()));
    } catch (RuntimeException e) {
      throw invalid(key, e.getMessage());
    }
  }

  /**
   * What keeps the secret {@code key} from being read, without reading more than needed to tell: not written as
   * {@code {env: NAME}} or {@code {file: PATH}}, the variable not set, the file missing, unreadable or empty.
   * Empty when it can be read (or is absent: whether it is required is the reader's business).
   */
  public Optional<String> secretProblem(String key) {
    Object v = values.get(key);
    if (v == null || v instanceof Secret) {
      return Optional.empty();
    }
    if (!(v instanceof Map<?, ?> m) || m.size() != 1 || !(m.containsKey("env") || m.containsKey("file"))
        || m.values().iterator().next() == null) {
      return Optional.of("must come from the environment or a file: write {env: NAME} or {file: PATH}, "
          + "never the secret itself");
    }
    if (m.containsKey("env")) {
      String variable = m.get("env").toString();
      String value = env.apply(variable);
      if (value == null) {
        return Optional.of("reads the environment variable " + variable + ", which is not set: export it");
      }
      return value.isBlank() ? Optional.of("reads the environment variable " + variable + ", which is empty")
          : Optional.empty();
    }
    Path file = Path.of(m.get("file").toString());
    if (!java.nio.file.Files.isRegularFile(file)) {
      return Optional.of("reads the secret file " + file.toAbsolutePath() + ", which does not exist: create it "
          + "or correct the path (relative paths are relative to the configuration file's folder)");
    }
    if (!java.nio.file.Files.isReadable(file)) {
      return Optional.of("reads the secret file " + file.toAbsolutePath() + ", which this user may not read: "
          + "fix its permissions");
    }
    return Optional.empty();
  }

  /**
   * The problems of every secret in this section and its nested sections (values written as {@code {env: NAME}}
   * or {@code {file: PATH}}), each {@code <path>.<key> <problem>}, so that all of them are reported at once.
   */
  public List<String> secretProblems() {
    var out = new java.util.ArrayList<String>();
    for (var entry : values.entrySet()) {
      if (entry.getValue() instanceof Map<?, ?> m && (m.containsKey("env") || m.containsKey("file"))) {
        secretProblem(entry.getKey()).ifPresent(p -> out.add((path.isEmpty() ? "" : path + ".") + entry.getKey() + " " + p));
      } else if (entry.getValue() instanceof Map<?, ?>) {
        out.addAll(section(entry.getKey()).secretProblems());
      }
    }
    return out;
  }

  /** A nested section; empty when absent. */
  public Settings section(String key) {
    Object v = values.get(key);
    String sub = path.isEmpty() ? key : path + "." + key;
    if (v == null) {
      return new Settings(sub, Map.of(), env);
    }
    if (!(v instanceof Map<?, ?> m)) {
      throw invalid(key, "must be a section (key: value pairs)");
    }
    return new Settings(sub, copy(m), env);
  }

  /** A list of sections, e.g. {@code installations}; empty when absent. */
  public List<Settings> sections(String key) {
    Object v = values.get(key);
    if (v == null) {
      return List.of();
    }
    if (!(v instanceof List<?> list)) {
      throw invalid(key, "must be a list of sections");
    }
    var out = new java.util.ArrayList<Settings>();
    for (int i = 0; i < list.size(); i++) {
      if (!(list.get(i) instanceof Map<?, ?> m)) {
        throw invalid(key + "[" + i + "]", "must be a section (key: value pairs)");
      }
      var copy = copy(m);
      Object id = copy.get("id");
      out.add(new Settings(path + (path.isEmpty() ? "" : ".") + key + "[" + (id != null ? id : i) + "]", copy, env));
    }
    return List.copyOf(out);
  }

  /** The raw value of a key (a string, number, list or map as parsed; an environment override as its string), or null. */
  public Object raw(String key) {
    Object v = values.get(key);
    return v instanceof EnvOverride o ? o.value() : v;
  }

  private static LinkedHashMap<String, Object> copy(Map<?, ?> map) {
    var copy = new LinkedHashMap<String, Object>();
    map.forEach((k, val) -> copy.put(String.valueOf(k), val));
    return copy;
  }

  /** The keys of this section, in file order. */
  public List<String> keys() {
    return List.copyOf(values.keySet());
  }

  public List<String> stringList(String key) {
    Object v = values.get(key);
    if (v == null) {
      return List.of();
    }
    if (!(v instanceof List<?> list)) {
      throw invalid(key, "must be a list, e.g. [a, b]");
    }
    return list.stream().map(String::valueOf).toList();
  }

  /**
   * The error for a bad value of {@code key}: {@code <path>.<key> <problem>}, or, when the value came from an
   * environment variable, {@code <VARIABLE> (overrides <path>.<key>) <problem>}.
   */
  public ConfigException invalid(String key, String problem) {
    String setting = (path.isEmpty() ? "" : path + ".") + key;
    if (values.get(key) instanceof EnvOverride o) {
      return ConfigException.fromEnvironment(o.variable() + " (overrides " + setting + ") " + problem);
    }
    return new ConfigException(setting + " " + problem);
  }

  @Override
  public String toString() {
    var shown = new LinkedHashMap<String, Object>();
    values.forEach((k, v) -> shown.put(k, v instanceof Map<?, ?> m && (m.containsKey("env") || m.containsKey("file"))
        ? "Secret[" + m + "]" : v));
    return path + shown;
  }
}
