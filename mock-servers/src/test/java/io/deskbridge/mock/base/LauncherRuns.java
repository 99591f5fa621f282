package io.deskbridge.mock.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Runs a fake's standalone launcher as a user does, from the repository root, and reads its output line by line as
 * it comes; {@link #close} stops what is still running.
 */
public final class LauncherRuns implements AutoCloseable {
  /** The mock-servers module (the tests' working directory). */
  public static final Path MODULE = Path.of("").toAbsolutePath();
  /** This JVM's {@code java} binary. */
  public static final String JAVA = ProcessHandle.current().info().command().orElse("java");

  private final List<Process> started = new ArrayList<>();

  /** A started process and its output. */
  public record Run(Process process, List<String> out, List<String> err, List<Thread> readers) {
    /** Waits for the exit and for all its output to be read. */
    public int exit() throws InterruptedException {
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the launcher exits").isTrue();
      for (Thread reader : readers) {
        reader.join(10_000);
      }
      return process.exitValue();
    }
  }

  /** Starts {@code command} in the repository root. */
  public Run start(List<String> command) throws IOException {
    Process p = new ProcessBuilder(command).directory(MODULE.getParent().toFile()).start();
    started.add(p);
    List<String> out = new CopyOnWriteArrayList<>();
    List<String> err = new CopyOnWriteArrayList<>();
    return new Run(p, out, err, List.of(pump(p.getInputStream(), out), pump(p.getErrorStream(), err)));
  }

  /**
   * The module README's first command line starting with {@code prefix} and containing {@code option}, split into
   * words, with "java" replaced by this JVM's binary.
   */
  public static List<String> documentedCommand(String prefix, String option) throws IOException {
    String line = Files.readAllLines(MODULE.resolve("README.md")).stream().map(String::strip)
        .filter(l -> l.startsWith(prefix) && l.contains(option))
        .findFirst().orElseThrow(() -> new AssertionError("README.md documents no '" + prefix + "' command with "
            + option));
    List<String> words = new ArrayList<>(Arrays.asList(line.split("\\s+")));
    words.set(0, JAVA);
    return words;
  }

  private static Thread pump(InputStream in, List<String> lines) {
    Thread t = new Thread(() -> {
      try (var r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          lines.add(line);
        }
      } catch (IOException ignored) {
        // the process ended
      }
    });
    t.setDaemon(true);
    t.start();
    return t;
  }

  @Override
  public void close() throws InterruptedException {
    for (Process p : started) {
      p.destroy();
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    }
  }
}
