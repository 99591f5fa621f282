package io.deskbridge.core.privacy;

import java.time.Duration;
import java.util.Objects;

/**
 * The {@code privacy} section of the configuration. Immutable.
 *
 * @param redactLlmPrompts whether the customer's text and looked-up values sent to an LLM have their personal data
 *                         replaced by placeholders (key {@code redactLlmPrompts}, default true)
 * @param retention        after how long audit records and message texts are purged (key {@code retention}, e.g.
 *                         {@code 365d}); zero, the default, keeps them
 */
public record PrivacySettings(boolean redactLlmPrompts, Duration retention) {
  /** Prompts redacted, history kept. */
  public static final PrivacySettings DEFAULT = new PrivacySettings(true, Duration.ZERO);

  public PrivacySettings {
    Objects.requireNonNull(retention, "retention");
    if (retention.isNegative()) {
      throw new IllegalArgumentException("privacy.retention must not be negative");
    }
  }
}
