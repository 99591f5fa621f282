package io.deskbridge.app;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.FileAppender;
import io.deskbridge.core.privacy.PiiSpan;
import io.deskbridge.core.privacy.Redactor;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The test logs as the configured appender wrote them ({@code FILE} in {@code logback-test.xml}, one file per test
 * JVM under {@code target/test-logs/}), and the scan of a log for secrets and personal data.
 */
public final class CapturedLogs {
  private CapturedLogs() {}

  /** The file the root logger's {@code FILE} appender writes. */
  public static Path file() {
    var context = (LoggerContext) LoggerFactory.getILoggerFactory();
    var appender = context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("FILE");
    if (!(appender instanceof FileAppender<?> f)) {
      throw new IllegalStateException("logback-test.xml has no FILE appender on the root logger");
    }
    return Path.of(f.getFile());
  }

  /** The bytes written to {@code file} from {@code offset} on, as text. */
  public static String since(Path file, long offset) throws IOException {
    try (var in = new RandomAccessFile(file.toFile(), "r")) {
      byte[] bytes = new byte[(int) Math.max(0, in.length() - offset)];
      in.seek(offset);
      in.readFully(bytes);
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  /** How long {@code file} is now (0 when it does not exist yet). */
  public static long length(Path file) throws IOException {
    return Files.exists(file) ? Files.size(file) : 0;
  }

  /**
   * Every line of {@code log} that holds one of {@code secrets} (also without its spaces) or personal data the
   * {@link Redactor} finds, prefixed with what was found; empty when the log is clean.
   */
  public static List<String> leaks(String source, String log, Collection<String> secrets) {
    var out = new ArrayList<String>();
    int number = 0;
    for (String line : log.split("\n", -1)) {
      number++;
      for (String secret : secrets) {
        if (!secret.isBlank() && (line.contains(secret) || line.contains(secret.replace(" ", "")))) {
          out.add(source + ":" + number + ": secret or planted value '" + secret + "': " + line);
        }
      }
      for (PiiSpan s : Redactor.standard().find(line)) {
        out.add(source + ":" + number + ": " + s.type() + " '" + line.substring(s.start(), s.end()) + "': " + line);
      }
    }
    return out;
  }
}
