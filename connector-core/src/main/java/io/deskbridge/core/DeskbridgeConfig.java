package io.deskbridge.core;

import io.deskbridge.core.config.Settings;
import io.deskbridge.core.engine.BusinessHours;
import io.deskbridge.core.engine.EngineSettings;
import io.deskbridge.core.engine.Installation;
import io.deskbridge.core.engine.Mode;
import io.deskbridge.core.engine.RetryPolicy;
import io.deskbridge.core.engine.Routing;
import io.deskbridge.core.error.ConfigException;
import io.deskbridge.core.llm.AnswerConfig;
import io.deskbridge.core.lookup.BackOfficeConfig;
import io.deskbridge.core.admin.AdminSettings;
import io.deskbridge.core.privacy.PrivacySettings;
import io.deskbridge.core.store.StoreConfig;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import io.deskbridge.core.kbsync.KnowledgeSyncConfig;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The whole configuration: the webhook server, the knowledge base, the bot's settings and the
 * installations. Validated when built; {@link #toString()} shows secrets redacted.
 *
 * @param server        where webhooks are received
 * @param store         the database: an H2 file by default, PostgreSQL for several instances
 * @param engine        workers, leases and retries of event processing; its {@code draftVerdicts} file (key
 *                      {@code engine.draftVerdicts}) defaults to {@code draft-verdicts.jsonl} in the data directory
 * @param knowledge     a folder of Markdown articles or a JSONL file
 * @param cache         where the knowledge base's embeddings are kept between starts (key {@code knowledgeCache},
 *                      default {@code cache} in the data directory); null keeps none
 * @param calibrationCases a file of messages labelled by the admin to fit the bot's confidence on (key
 *                      {@code bot.calibrationCases}, the {@code eval} case format; the application reads it, as it
 *                      reads the knowledge base); null fits it on the knowledge base's own sample questions
 * @param bot           the bot's settings section (read by {@code BotSettings})
 * @param installations the helpdesk accounts served; at least one
 * @param privacy       redaction of LLM prompts and the retention of audit records and message texts (section
 *                      {@code privacy}; the engine's {@link EngineSettings#historyRetention()} carries the retention)
 * @param admin         the admin dashboard's token and resolution window (section {@code admin}); off without a token
 */
public record DeskbridgeConfig(Server server, StoreConfig store, EngineSettings engine, Path knowledge, Path cache,
    Path calibrationCases, Settings bot, List<InstallationConfig> installations, PrivacySettings privacy,
    AdminSettings admin) {
  /** A configuration without the admin dashboard. */
  public DeskbridgeConfig(Server server, StoreConfig store, EngineSettings engine, Path knowledge, Path cache,
      Path calibrationCases, Settings bot, List<InstallationConfig> installations, PrivacySettings privacy) {
    this(server, store, engine, knowledge, cache, calibrationCases, bot, installations, privacy, AdminSettings.OFF);
  }

  /** A configuration with the {@link PrivacySettings#DEFAULT default privacy settings}. */
  public DeskbridgeConfig(Server server, StoreConfig store, EngineSettings engine, Path knowledge, Path cache,
      Path calibrationCases, Settings bot, List<InstallationConfig> installations) {
    this(server, store, engine, knowledge, cache, calibrationCases, bot, installations, PrivacySettings.DEFAULT);
  }

  public DeskbridgeConfig {
    Objects.requireNonNull(privacy, "privacy");
    Objects.requireNonNull(admin, "admin");
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(knowledge, "knowledge");
    Objects.requireNonNull(bot, "bot");
    installations = List.copyOf(installations);
    if (installations.isEmpty()) {
      throw new IllegalArgumentException("installations must list at least one helpdesk installation "
          + "(id, vendor, routing.defaultGroup, settings)");
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
   * @param maxConnections the most connections open at once (key {@code maxConnections}, default 1000)
   * @param idleTimeout  how long a connection may send nothing before it is closed (key {@code idleTimeout},
   *                     default 10 s)
   * @param publicUrl    the address the helpdesks reach this server at, e.g. {@code https://deskbridge.acme.com} (key
   *                     {@code publicUrl}); {@code install} registers {@code <publicUrl>/webhooks/<id>} with each
   *                     helpdesk and {@code doctor} checks it; null when not configured (only {@code install} and the
   *                     check need it)
   */
  public record Server(String host, int port, int maxBodyBytes, int maxConnections, Duration idleTimeout,
      java.net.URI publicUrl) {
    /** The connection cap when none is configured. */
    public static final int DEFAULT_MAX_CONNECTIONS = io.deskbridge.core.hosting.WebhookServer.Limits.DEFAULT_MAX_CONNECTIONS;
    /** The idle timeout when none is configured. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = io.deskbridge.core.hosting.WebhookServer.Limits.DEFAULT_IDLE_TIMEOUT;

    /** With the default connection cap and idle timeout. */
    public Server(String host, int port, int maxBodyBytes) {
      this(host, port, maxBodyBytes, DEFAULT_MAX_CONNECTIONS, DEFAULT_IDLE_TIMEOUT);
    }

    /** Without a public URL. */
    public Server(String host, int port, int maxBodyBytes, int maxConnections, Duration idleTimeout) {
      this(host, port, maxBodyBytes, maxConnections, idleTimeout, null);
    }

    /** The public URL as configured, without a trailing slash. */
    public java.util.Optional<java.net.URI> publicUrlIfSet() {
      return java.util.Optional.ofNullable(publicUrl);
    }
  }

  /**
   * One installation.
   *
   * @param id       its id, used in the webhook path {@code /webhooks/{id}}
   * @param vendor   the vendor id, e.g. {@code zendesk}
   * @param mode     auto, draft or shadow
   * @param routing  handover routing
   * @param retry    how vendor calls are retried
   * @param requestsPerMinute the vendor API budget to stay under; 0 means the vendor's documented default
   * @param settings the vendor's own settings, read by its connector factory
   * @param reopenStartsEpisode whether a customer's reply to a solved conversation starts a new bot episode (key
   *                 {@code reopenStartsEpisode}, default false: whoever owned it keeps it)
   * @param chatDebounce how long a chat vendor's messages are held back to be answered together (key
   *                 {@code chat.debounce}, default 1.5 s)
   * @param chatSessionTimeout after how long without a customer turn a chat vendor's next customer message starts a
   *                 new bot episode (key {@code chat.sessionTimeout}, default 30 min, 0s never)
   * @param emailMaxRepliesPerDay the most bot messages to one e-mail conversation's customer in any 24 hours, after
   *                 which the bot hands over (key {@code email.maxRepliesPerDay}, default 5, 1 to 1000)
   * @param backOffice the company's API that articles' lookups read (key {@code backOffice}); null when none
   * @param answer   who writes the approved answers and in what tone (key {@code answer}: {@code mode} extractive or
   *                 llm, the {@code llm} endpoint, the {@code tone}); null means {@link AnswerConfig#EXTRACTIVE}
 
   * @param knowledgeSync the sync of the helpdesk's own knowledge base (key {@code knowledge.sync}); null when none
   */
  public record InstallationConfig(String id, String vendor, Mode mode, Routing routing, RetryPolicy retry,
      int requestsPerMinute, Settings settings, boolean reopenStartsEpisode, Duration chatDebounce,
      Duration chatSessionTimeout, int emailMaxRepliesPerDay, BackOfficeConfig backOffice, AnswerConfig answer,
      KnowledgeSyncConfig knowledgeSync) {
    public InstallationConfig {
      answer = answer == null ? AnswerConfig.EXTRACTIVE : answer;
    }

    /** An installation that does not sync its helpdesk's knowledge base. */
    public InstallationConfig(String id, String vendor, Mode mode, Routing routing, RetryPolicy retry,
        int requestsPerMinute, Settings settings, boolean reopenStartsEpisode, Duration chatDebounce,
        Duration chatSessionTimeout, int emailMaxRepliesPerDay, BackOfficeConfig backOffice, AnswerConfig answer) {
      this(id, vendor, mode, routing, retry, requestsPerMinute, settings, reopenStartsEpisode, chatDebounce,
          chatSessionTimeout, emailMaxRepliesPerDay, backOffice, answer, null);
    }

    /** An installation with extractive answers. */
    public InstallationConfig(String id, String vendor, Mode mode, Routing routing, RetryPolicy retry,
        int requestsPerMinute, Settings settings, boolean reopenStartsEpisode, Duration chatDebounce,
        Duration chatSessionTimeout, int emailMaxRepliesPerDay, BackOfficeConfig backOffice) {
      this(id, vendor, mode, routing, retry, requestsPerMinute, settings, reopenStartsEpisode, chatDebounce,
          chatSessionTimeout, emailMaxRepliesPerDay, backOffice, AnswerConfig.EXTRACTIVE);
    }

    /** An installation with the default e-mail reply cap and without a back office. */
    public InstallationConfig(String id, String vendor, Mode mode, Routing routing, RetryPolicy retry,
        int requestsPerMinute, Settings settings, boolean reopenStartsEpisode, Duration chatDebounce,
        Duration chatSessionTimeout) {
      this(id, vendor, mode, routing, retry, requestsPerMinute, settings, reopenStartsEpisode, chatDebounce,
          chatSessionTimeout, Installation.DEFAULT_EMAIL_MAX_REPLIES_PER_DAY, null);
    }

    /** An installation with the default chat session timeout. */
    public InstallationConfig(String id, String vendor, Mode mode, Routing routing, RetryPolicy retry,
        int requestsPerMinute, Settings settings, boolean reopenStartsEpisode, Duration chatDebounce) {
      this(id, vendor, mode, routing, retry, requestsPerMinute, settings, reopenStartsEpisode, chatDebounce,
          Installation.DEFAULT_CHAT_SESSION_TIMEOUT);
    }

    /** An installation where a customer's reply to a solved conversation does not start a new bot episode. */
    public InstallationConfig(String id, String vendor, Mode mode, Routing routing, RetryPolicy retry,
        int requestsPerMinute, Settings settings) {
      this(id, vendor, mode, routing, retry, requestsPerMinute, settings, false);
    }

    /** An installation with the default chat debounce. */
    public InstallationConfig(String id, String vendor, Mode mode, Routing routing, RetryPolicy retry,
        int requestsPerMinute, Settings settings, boolean reopenStartsEpisode) {
      this(id, vendor, mode, routing, retry, requestsPerMinute, settings, reopenStartsEpisode,
          Installation.DEFAULT_CHAT_DEBOUNCE);
    }
  }

  /**
   * Checks that every installation's secrets can be read, and reports all that cannot at once (rather than the
   * first one per start).
   *
   * @throws ConfigException naming each setting with its environment variable or file, and the fix
   */
  public void requireSecrets() {
    var problems = installations.stream().flatMap(i -> i.settings().secretProblems().stream()).toList();
    if (!problems.isEmpty()) {
      throw new ConfigException(problems.size() == 1 ? problems.get(0)
          : problems.size() + " secrets cannot be read: " + String.join("; ", problems));
    }
  }

  static List<String> scalarKeys(String section) {
    return switch (section) {
      case "server" -> List.of("host", "port", "maxBodyBytes", "maxConnections", "idleTimeout", "publicUrl");
      case "store" -> List.of("directory", "url", "username", "maxPoolSize");
      case "engine" -> List.of("workers", "lease", "poll", "maxAttempts", "retention", "prewriteFreshness",
          "draftVerdicts");
      default -> List.of("thresholdPercent", "maxClarifications", "maxBotTurns", "defaultLanguage");
    };
  }

  /**
   * Builds the configuration from the parsed root with the default data directory (see
   * {@link ConfigLoader#defaultDataDirectory}); relative paths are resolved against {@code baseDir}.
   */
  public static DeskbridgeConfig from(Settings root, Path baseDir) {
    return from(root, baseDir, ConfigLoader.defaultDataDirectory(System::getenv));
  }

  /**
   * Builds the configuration from the parsed root; relative paths are resolved against {@code baseDir}. The
   * store's H2 file ({@code store/}) and the knowledge cache ({@code cache/}) default to folders in the data
   * directory: the key {@code dataDirectory}, else {@code defaultDataDirectory}, never the working directory.
   */
  public static DeskbridgeConfig from(Settings root, Path baseDir, Path defaultDataDirectory) {
    Path data = root.optionalString("dataDirectory").map(baseDir::resolve).orElse(defaultDataDirectory);
    var s = root.section("server");
    var idleTimeout = s.duration("idleTimeout", Server.DEFAULT_IDLE_TIMEOUT);
    if (idleTimeout.isNegative() || idleTimeout.isZero()) {
      throw s.invalid("idleTimeout", "must be positive, e.g. 10s");
    }
    var server = new Server(s.string("host", "0.0.0.0"), s.integer("port", 8080, 0, 65535),
        s.integer("maxBodyBytes", 1 << 20, 1024, 64 << 20),
        s.integer("maxConnections", Server.DEFAULT_MAX_CONNECTIONS, 1, 100_000), idleTimeout, publicUrl(s));
    var st = root.section("store");
    var store = st.optionalString("url").isEmpty()
        ? StoreConfig.h2File(st.optionalString("directory").map(baseDir::resolve).orElse(data.resolve("store")))
        : new StoreConfig(st.string("url"), st.string("username", ""),
            st.raw("password") == null ? null : st.secret("password"), st.integer("maxPoolSize", 10, 1, 200));
    var e = root.section("engine");
    var d = EngineSettings.DEFAULT;
    if (e.duration("prewriteFreshness", d.prewriteFreshness()).isNegative()) {
      throw e.invalid("prewriteFreshness", "must not be negative, e.g. 2s (0s re-reads before every public write)");
    }
    var engine = new EngineSettings(e.integer("workers", d.workers(), 1, 256), e.duration("lease", d.lease()),
        e.duration("poll", d.poll()), e.integer("maxAttempts", d.maxAttempts(), 1, 100),
        e.duration("retention", d.retention()), e.duration("prewriteFreshness", d.prewriteFreshness()),
        java.util.Optional.of(e.optionalString("draftVerdicts").map(baseDir::resolve)
            .orElse(data.resolve("draft-verdicts.jsonl"))), java.time.Duration.ZERO);
    Path knowledge = baseDir.resolve(root.optionalString("knowledge").orElseThrow(() -> root.invalid("knowledge",
        "is required: a folder of Markdown articles or a .jsonl file (relative to the configuration file's folder)")))
        .normalize();
    Path cache = root.optionalString("knowledgeCache").map(baseDir::resolve).orElse(data.resolve("cache"));
    Path calibrationCases = root.section("bot").optionalString("calibrationCases").map(baseDir::resolve).orElse(null);
    var installations = root.sections("installations").stream().map(DeskbridgeConfig::installation).toList();
    var privacy = privacy(root.section("privacy"), engine);
    return new DeskbridgeConfig(server, store, engine.withHistoryRetention(privacy.retention()), knowledge, cache,
        calibrationCases, root.section("bot"), installations, privacy, admin(root.section("admin")));
  }

  /** The {@code admin} section: the dashboard is on when it has a {@code token}. */
  private static AdminSettings admin(Settings a) {
    Duration window = a.duration("resolutionWindow", AdminSettings.DEFAULT_RESOLUTION_WINDOW);
    if (window.isNegative() || window.isZero()) {
      throw a.invalid("resolutionWindow", "must be positive, e.g. 72h");
    }
    Duration satisfactionEvery = a.duration("satisfactionEvery", AdminSettings.DEFAULT_SATISFACTION_EVERY);
    if (satisfactionEvery.compareTo(AdminSettings.MIN_SATISFACTION_EVERY) < 0) {
      throw a.invalid("satisfactionEvery", "must be at least 1m, e.g. 1h (how often CSAT ratings are polled)");
    }
    Duration humanReplyEvery = a.duration("humanReplyEvery", AdminSettings.DEFAULT_HUMAN_REPLY_EVERY);
    if (humanReplyEvery.compareTo(AdminSettings.MIN_HUMAN_REPLY_EVERY) < 0) {
      throw a.invalid("humanReplyEvery", "must be at least 1m, e.g. 15m (how often the helpdesks are asked for the first "
          + "human reply after a handover)");
    }
    return new AdminSettings(a.raw("token") == null ? null : a.secret("token"), window, satisfactionEvery,
        humanReplyEvery);
  }

  /** {@code server.publicUrl}: an absolute http(s) URL without query or fragment, trailing slashes dropped; or null. */
  private static java.net.URI publicUrl(Settings s) {
    if (s.optionalString("publicUrl").isEmpty()) {
      return null;
    }
    var uri = s.uri("publicUrl");
    if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getQuery() != null
        || uri.getFragment() != null) {
      throw s.invalid("publicUrl", "must be the http(s) address the helpdesks reach Deskbridge at, e.g. "
          + "https://deskbridge.acme.com, was '" + uri + "'");
    }
    return java.net.URI.create(uri.toString().replaceAll("/+$", ""));
  }

  /** The {@code privacy} section; the retention must keep at least the engine's deduplication window. */
  private static PrivacySettings privacy(Settings p, EngineSettings engine) {
    Duration retention = p.duration("retention", Duration.ZERO);
    if (retention.isNegative()) {
      throw p.invalid("retention", "must not be negative, e.g. 365d (0d keeps audit records and messages)");
    }
    if (!retention.isZero() && retention.compareTo(engine.retention()) < 0) {
      throw p.invalid("retention", "must be at least engine.retention (" + engine.retention().toDays() + "d, how "
          + "long processed event ids are kept against redeliveries), or 0d to keep everything");
    }
    return new PrivacySettings(p.bool("redactLlmPrompts", true), retention);
  }

  /**
   * The {@code routing.hours} section: {@code zone}, {@code week} (e.g. {@code Mon-Fri 08:00-17:00}), {@code groups}
   * (routing group name to its own week) and {@code closed} (dates); {@link BusinessHours#ALWAYS} when absent.
   */
  private static BusinessHours hours(Settings h, Set<String> routingGroups) {
    if (h.keys().isEmpty()) {
      return BusinessHours.ALWAYS;
    }
    String zoneName = h.optionalString("zone").orElseThrow(() -> h.invalid("zone",
        "is required when hours are set: the time zone the times are in, e.g. Europe/Prague"));
    ZoneId zone;
    try {
      zone = ZoneId.of(zoneName);
    } catch (DateTimeException e) {
      throw h.invalid("zone", "'" + zoneName + "' is not a time zone; write a region such as Europe/Prague");
    }
    var week = week(h, "week", h.optionalString("week").orElseThrow(() -> h.invalid("week",
        "is required when hours are set: the opening times, e.g. Mon-Fri 08:00-17:00")));
    var g = h.section("groups");
    var weeks = new LinkedHashMap<String, BusinessHours.Week>();
    for (String name : g.keys()) {
      if (!routingGroups.contains(name)) {
        throw g.invalid(name, "is not a routing group; hours can be set for the names under routing.groups: "
            + String.join(", ", routingGroups));
      }
      weeks.put(name, week(g, name, g.string(name)));
    }
    var closed = new LinkedHashSet<LocalDate>();
    Object raw = h.raw("closed");
    if (raw != null && !(raw instanceof List<?>)) {
      throw h.invalid("closed", "must be a list of dates, e.g. [2026-12-24, 2026-12-25]");
    }
    for (Object day : raw == null ? List.of() : (List<?>) raw) {
      closed.add(date(h, day));
    }
    return new BusinessHours(zone, week, weeks, closed);
  }

  private static BusinessHours.Week week(Settings section, String key, String text) {
    try {
      return BusinessHours.Week.parse(text);
    } catch (IllegalArgumentException e) {
      throw section.invalid(key, e.getMessage());
    }
  }

  /** A date as YAML gives it: a string, or a Date for an unquoted 2026-12-24. */
  private static LocalDate date(Settings h, Object day) {
    if (day instanceof Date d) {
      return d.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
    }
    if (day instanceof LocalDate d) {
      return d;
    }
    try {
      return LocalDate.parse(String.valueOf(day).strip());
    } catch (DateTimeParseException e) {
      throw h.invalid("closed", "'" + day + "' is not a date; write it as 2026-12-24");
    }
  }

  private static InstallationConfig installation(Settings i) {
    String id = i.optionalString("id").orElseThrow(() -> i.invalid("id",
        "is required: a short name of this installation, used in the webhook path /webhooks/{id}"));
    var r = i.section("routing");
    var groups = new LinkedHashMap<String, String>();
    var g = r.section("groups");
    g.keys().forEach(name -> groups.put(name, g.string(name)));
    var hours = hours(r.section("hours"), groups.keySet());
    Routing routing;
    try {
      routing = new Routing(r.string("defaultGroup"), groups, r.string("handoverTag", "deskbridge_handover"), hours);
    } catch (IllegalArgumentException e) {
      throw r.invalid("defaultGroup", "is required: the vendor's id of the group that gets handovers");
    }
    var retry = i.section("retry");
    var policy = new RetryPolicy(retry.integer("maxAttempts", RetryPolicy.DEFAULT.maxAttempts(), 1, 20),
        retry.duration("initialDelay", RetryPolicy.DEFAULT.initialDelay()),
        retry.duration("maxDelay", RetryPolicy.DEFAULT.maxDelay()),
        retry.duration("circuitOpenFor", RetryPolicy.DEFAULT.circuitOpenFor()),
        retry.duration("bestEffortTimeout", RetryPolicy.DEFAULT.bestEffortTimeout()));
    Mode mode;
    try {
      mode = Mode.parse(i.string("mode", "draft"));
    } catch (IllegalArgumentException e) {
      throw i.invalid("mode", e.getMessage());
    }
    String vendor = i.optionalString("vendor").orElseThrow(() -> i.invalid("vendor",
        "is required: the helpdesk's vendor id, e.g. zendesk"));
    var chat = i.section("chat");
    var debounce = chat.duration("debounce", Installation.DEFAULT_CHAT_DEBOUNCE);
    if (debounce.isNegative() || debounce.compareTo(Duration.ofSeconds(30)) > 0) {
      throw chat.invalid("debounce", "must be between 0s and 30s, e.g. 1500ms (0s answers every message at once)");
    }
    var sessionTimeout = chat.duration("sessionTimeout", Installation.DEFAULT_CHAT_SESSION_TIMEOUT);
    if (!sessionTimeout.isZero() && (sessionTimeout.compareTo(Duration.ofMinutes(1)) < 0
        || sessionTimeout.compareTo(Duration.ofDays(30)) > 0)) {
      throw chat.invalid("sessionTimeout", "must be between 1m and 30d, e.g. 30m (0s never starts a new episode "
          + "after silence)");
    }
    int maxReplies = i.section("email").integer("maxRepliesPerDay", Installation.DEFAULT_EMAIL_MAX_REPLIES_PER_DAY, 1,
        1000);
    return new InstallationConfig(id, vendor, mode, routing, policy,
        i.integer("requestsPerMinute", 0, 0, 1_000_000), i.section("settings"),
        i.bool("reopenStartsEpisode", false), debounce, sessionTimeout, maxReplies,
        BackOfficeConfig.from(i.section("backOffice")).orElse(null), AnswerConfig.from(i.section("answer")),
        KnowledgeSyncConfig.from(i.section("knowledge")).orElse(null));
  }
}
