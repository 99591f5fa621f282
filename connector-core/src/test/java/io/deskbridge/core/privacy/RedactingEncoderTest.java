package io.deskbridge.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The logback encoder redacts the whole line: the message, its arguments and the exception with its causes. */
class RedactingEncoderTest {

  @Test
  void messagesArgumentsAndExceptionsAreRedacted() {
    var context = new LoggerContext();
    context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
    context.start();
    var out = new ByteArrayOutputStream();
    var encoder = new RedactingEncoder();
    encoder.setContext(context);
    encoder.setPattern("%-5level %logger - %msg%n");
    encoder.start();
    var appender = new OutputStreamAppender<ILoggingEvent>();
    appender.setContext(context);
    appender.setEncoder(encoder);
    appender.setOutputStream(out);
    appender.start();
    Logger log = context.getLogger("test");
    log.addAppender(appender);

    log.warn("reply to {} failed", "petra.kralova@email.cz");
    log.error("vendor refused", new IllegalStateException("422: phone +421 903 123 456 is invalid",
        new RuntimeException("card 5555 5555 5555 4444 declined")));
    appender.stop();

    String written = out.toString(StandardCharsets.UTF_8);
    assertThat(written).contains("reply to [email] failed").contains("422: phone [phone] is invalid")
        .contains("card [card] declined").contains("IllegalStateException").contains("at io.deskbridge");
    assertThat(written).doesNotContain("petra.kralova").doesNotContain("903 123 456")
        .doesNotContain("5555 5555");
  }
}
