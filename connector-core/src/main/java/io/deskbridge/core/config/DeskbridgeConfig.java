package io.deskbridge.core.config;

import io.deskbridge.core.engine.Mode;
import io.deskbridge.core.engine.RetryPolicy;
import io.deskbridge.core.engine.Routing;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;

/**
 * The whole configuration: the webhook server, the knowledge base, the bot's settings and the
 * installations. Validated when built; {@link #toString()} shows secrets redacted.
 *
 * @param server        where webhooks are received
 * @param knowledge     a folder of Markdown articles or a JSONL file
 * @param bot           the bot's settings section (read by {@code BotSettings})
 * @param installations the helpdesk accounts served; at least one
 */
public record DeskbridgeConfig(Server server, Path knowledge, Settings bot, List<InstallationConfig> installations) {
  public DeskbridgeConfig {
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(knowledge, "knowledge");
    Objects.requireNonNull(bot, "bot");
    installations = List.copyOf(installations);
    if (installations.isEmpty()) {
      throw new IllegalArgumentException("installations must list at least one helpdesk installation");
    }
    var ids = new HashSet<String>();
    for (var i : installations) {
      if (!ids.add(i.id())) {
        throw new IllegalArgumentException("installations: id '" + i.id() + "' is used twice");
      }
    }
  }

  /**
   * The webhook server.
   *
   * @param host         the address to bind
   * @param port         the port
   * @param maxBodyBytes the largest webhook body accepted
   * @param workers      threads that process events
   */
  public record Server(String host, int port, int maxBodyBytes, int workers) {}

  /**
   * One installation.
   *
   * @param id       its id, used in the webhook path {@code /webhooks/{id}}
   * @param vendor   the vendor id, e.g. {@code zendesk}
   * @param mode     auto, draft or shadow
   * @param routing  handover routing
   * @param retry    how vendor calls are retried
   * @param settings the vendor's own settings, read by its connector factory
   */
  public record InstallationConfig(String id, String vendor, Mode mode, Routing routing, RetryPolicy retry,
      Settings settings) {}

  static List<String> scalarKeys(String section) {
    return section.equals("server") ? List.of("host", "port", "maxBodyBytes", "workers")
        : List.of("thresholdPercent", "maxClarifications", "maxBotTurns", "defaultLanguage");
  }

  /** Builds the configuration from the parsed root; relative paths are resolved against {@code baseDir}. */
  public static DeskbridgeConfig from(Settings root, Path baseDir) {
    var s = root.section("server");
    var server = new Server(s.string("host", "0.0.0.0"), s.integer("port", 8080, 0, 65535),
        s.integer("maxBodyBytes", 1 << 20, 1024, 64 << 20), s.integer("workers", 4, 1, 256));
    Path knowledge = baseDir.resolve(root.string("knowledge"));
    var installations = root.sections("installations").stream().map(DeskbridgeConfig::installation).toList();
    return new DeskbridgeConfig(server, knowledge, root.section("bot"), installations);
  }

  private static InstallationConfig installation(Settings i) {
    String id = i.string("id");
    var r = i.section("routing");
    var groups = new LinkedHashMap<String, String>();
    var g = r.section("groups");
    g.keys().forEach(name -> groups.put(name, g.string(name)));
    Routing routing;
    try {
      routing = new Routing(r.string("defaultGroup"), groups, r.string("handoverTag", "deskbridge_handover"));
    } catch (IllegalArgumentException e) {
      throw r.invalid("defaultGroup", "is required: the vendor's id of the group that gets handovers");
    }
    var retry = i.section("retry");
    var policy = new RetryPolicy(retry.integer("maxAttempts", RetryPolicy.DEFAULT.maxAttempts(), 1, 20),
        retry.duration("initialDelay", RetryPolicy.DEFAULT.initialDelay()),
        retry.duration("maxDelay", RetryPolicy.DEFAULT.maxDelay()));
    Mode mode;
    try {
      mode = Mode.parse(i.string("mode", "draft"));
    } catch (IllegalArgumentException e) {
      throw i.invalid("mode", e.getMessage());
    }
    return new InstallationConfig(id, i.string("vendor"), mode, routing, policy, i.section("settings"));
  }
}
