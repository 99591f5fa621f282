package io.deskbridge.app.chaos;

import static org.awaitility.Awaitility.await;

import io.deskbridge.app.DemoVendor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A connector running as its own JVM ({@code java -jar target/deskbridge.jar serve}), so that a test can
 * kill it abruptly, as a crash or an OOM kill would.
 */
final class ConnectorProcess implements AutoCloseable {
  private final Path config;
  private final Path log;
  private final int port;
  private Process process;

  ConnectorProcess(Path config, Path log, int port) {
    this.config = config;
    this.log = log;
    this.port = port;
  }

  static int freePort() {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes {@code name.yaml} in {@code dir}: one connector on {@code port} with its H2 file store in {@code dir/h2}
   * (so that a restarted process finds what the killed one stored), the demo knowledge base and one auto-mode
   * installation {@code acme} of {@code vendor}.
   */
  static Path h2Config(Path dir, String name, int port, DemoVendor vendor) throws IOException {
    Path secrets = Files.createDirectories(dir.resolve("secrets"));
    return Files.writeString(dir.resolve(name + ".yaml"), """
        server: {host: 127.0.0.1, port: %d}
        dataDirectory: data
        store: {directory: %s}
        engine: {workers: 4, lease: 5s, poll: 100ms}
        knowledge: %s
        installations:
          - id: acme
            mode: auto
            requestsPerMinute: 100000
            retry: {maxAttempts: 4, initialDelay: 50ms, maxDelay: 1s, circuitOpenFor: 2s}
        %s""".formatted(port, dir.resolve("h2"), Path.of("src/main/resources/demo-kb").toAbsolutePath(),
        vendor.installationYaml("    ", secrets)));
  }

  /** {@link #start}, or an error carrying the process's output and configuration when it did not come up. */
  ConnectorProcess startOrExplain() {
    try {
      return start();
    } catch (RuntimeException e) {
      throw new AssertionError("the connector did not start; its output:\n" + read(log) + "\nconfiguration:\n"
          + read(config), e);
    }
  }

  /** The connectors' output so far, for a failure message. */
  String output() {
    return read(log);
  }

  private static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file) : "(none)";
    } catch (IOException e) {
      return "(unreadable: " + e + ")";
    }
  }

  URI webhook(String installation) {
    return URI.create("http://127.0.0.1:" + port + "/webhooks/" + installation);
  }

  /** Starts the process and waits until it answers {@code /health}. */
  ConnectorProcess start() {
    Path jar = Path.of("target", "deskbridge.jar");
    if (!Files.exists(jar)) {
      throw new IllegalStateException(jar.toAbsolutePath() + " is missing: the package phase builds it");
    }
    var builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx384m", "-jar", jar.toString(), "serve", "--config", config.toString());
    builder.environment().put("OPT_OUT_TRACKING", "true");
    builder.environment().put("DESKBRIDGE_LOG_LEVEL", "WARN");
    builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    var http = HttpClient.newHttpClient();
    // a start takes about 15 s on an idle machine and has taken 57 s on a shared one (load average 18 on 2 cores)
    await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() -> {
      if (!process.isAlive()) {
        throw new IllegalStateException("connector exited with " + process.exitValue() + "; see " + log);
      }
      var response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
          HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200;
    });
    return this;
  }

  /** Kills the JVM at once (SIGKILL): no shutdown hook runs, nothing is flushed or released. */
  void kill() {
    process.destroyForcibly();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Asks the JVM to stop (SIGTERM, as a service manager or Ctrl-C would) and waits up to {@code within}.
   *
   * @return its exit status, or empty when it was still running then (it is then killed)
   */
  java.util.OptionalInt terminate(Duration within) {
    process.destroy();
    try {
      if (process.waitFor(within.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
        return java.util.OptionalInt.of(process.exitValue());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    kill();
    return java.util.OptionalInt.empty();
  }

  @Override
  public void close() {
    if (process != null && process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
