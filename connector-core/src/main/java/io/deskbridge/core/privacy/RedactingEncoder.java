package io.deskbridge.core.privacy;

import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;

/**
 * A logback encoder that lays an event out with a pattern, like logback's {@code PatternLayoutEncoder}, and then
 * replaces the personal data in the whole line, the exception's message and stack trace included, by the
 * {@link Redactor#standard() standard redactor}'s placeholders. Every appender of Deskbridge's logback
 * configurations uses it:
 *
 * <pre>{@code
 * <encoder class="io.deskbridge.core.privacy.RedactingEncoder">
 *   <pattern>%d{HH:mm:ss.SSS} %-5level %logger{24} - %msg%n</pattern>
 * </encoder>
 * }</pre>
 *
 * Logback is optional for core: this class is only loaded by a logback configuration that names it.
 */
public final class RedactingEncoder extends LayoutWrappingEncoder<ILoggingEvent> {
  private String pattern;

  /** The layout pattern, as for {@code PatternLayoutEncoder}. */
  public void setPattern(String pattern) {
    this.pattern = pattern;
  }

  public String getPattern() {
    return pattern;
  }

  @Override
  public void start() {
    var layout = new RedactingLayout();
    layout.setContext(getContext());
    layout.setPattern(pattern);
    layout.start();
    setLayout(layout);
    super.start();
  }

  /** A pattern layout whose every line passes the redactor. */
  static final class RedactingLayout extends PatternLayout {
    @Override
    public String doLayout(ILoggingEvent event) {
      return Redactor.standard().redact(super.doLayout(event));
    }
  }
}
