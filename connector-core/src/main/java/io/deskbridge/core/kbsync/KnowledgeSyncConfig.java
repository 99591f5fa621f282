package io.deskbridge.core.kbsync;

import io.deskbridge.core.config.Settings;
import io.deskbridge.core.spi.KnowledgeSource;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An installation's sync of its helpdesk's own knowledge base (key {@code installations[].knowledge.sync}).
 *
 * @param every      how often {@code serve} syncs; 1 minute to 7 days, default 1 hour
 * @param labels     only articles with at least one of these labels; empty means all
 * @param sections   only articles in one of these sections (id or name); empty means all
 * @param bodyFields the fields holding the body, for vendors with configurable article types (Salesforce's
 *                   {@code Knowledge__kav}: API names such as {@code Answer__c}); empty means the vendor's default
 */
public record KnowledgeSyncConfig(Duration every, List<String> labels, List<String> sections,
    List<String> bodyFields) {
  /** The default interval. */
  public static final Duration DEFAULT_EVERY = Duration.ofHours(1);
  private static final Pattern FIELD = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

  /** @throws IllegalArgumentException naming the key and the fix, in one line */
  public KnowledgeSyncConfig {
    Objects.requireNonNull(every, "every");
    if (every.compareTo(Duration.ofMinutes(1)) < 0 || every.compareTo(Duration.ofDays(7)) > 0) {
      throw new IllegalArgumentException("every must be between 1m and 7d, e.g. 1h");
    }
    labels = clean("labels", labels);
    sections = clean("sections", sections);
    bodyFields = clean("bodyFields", bodyFields);
    for (var field : bodyFields) {
      if (!FIELD.matcher(field).matches()) {
        throw new IllegalArgumentException("bodyFields: '" + field + "' is not a field's API name; write names "
            + "such as Answer__c");
      }
    }
  }

  /** What the source is asked for. */
  public KnowledgeSource.Filter filter() {
    return new KnowledgeSource.Filter(labels, sections, bodyFields);
  }

  /**
   * A fingerprint of what is synced (not how often): when it changes, the next sync starts over from the beginning
   * and drops what the new settings exclude.
   */
  String scope() {
    return String.join(",", labels) + "|" + String.join(",", sections) + "|" + String.join(",", bodyFields);
  }

  /**
   * The {@code sync} section of an installation's {@code knowledge}; empty when it is absent.
   *
   * @throws io.deskbridge.core.error.ConfigException naming the setting
   */
  public static Optional<KnowledgeSyncConfig> from(Settings knowledge) {
    if (knowledge.raw("sync") == null) {
      return Optional.empty();
    }
    var s = knowledge.section("sync");
    Duration every = s.duration("every", DEFAULT_EVERY);
    try {
      return Optional.of(new KnowledgeSyncConfig(every, s.stringList("labels"), s.stringList("sections"),
          s.stringList("bodyFields")));
    } catch (IllegalArgumentException e) {
      String key = e.getMessage().substring(0, e.getMessage().indexOf(' '));
      throw s.invalid(key.replace(":", ""), e.getMessage().substring(e.getMessage().indexOf(' ') + 1));
    }
  }

  private static List<String> clean(String key, List<String> values) {
    if (values == null) {
      return List.of();
    }
    for (var v : values) {
      if (v == null || v.isBlank()) {
        throw new IllegalArgumentException(key + " must not contain an empty entry");
      }
    }
    return values.stream().map(String::strip).distinct().toList();
  }
}
