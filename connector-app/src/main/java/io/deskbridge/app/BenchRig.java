package io.deskbridge.app;

import io.deskbridge.core.knowledge.KnowledgeLoader;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What one benchmark configuration runs on: a vendor's fake (in this JVM, see {@link DemoVendor}), the store (an H2 file in a
 * temporary directory, or an embedded PostgreSQL started here), and one or two connector processes, each a
 * separate JVM running {@code serve} on a generated configuration, exactly as in production. The fake
 * delivers each webhook to the instances in turn, as a load balancer would. Closing stops the connectors
 * (SIGTERM, so they shut down cleanly), PostgreSQL and the fake, and deletes the directory unless
 * {@link #keep()} was called.
 */
final class BenchRig implements AutoCloseable {
  static final String INSTALLATION = "demo";

  /** Which store the connectors share. */
  enum Store { h2, postgres }

  /**
   * The connector JVMs' options: {@code launcher}, those in the shipped {@code jvm.options} (as the launcher runs
   * {@code serve} in production); {@code defaults}, none (the JVM's own choices, such as a quarter of the machine's
   * memory as heap, and none of the file's environment variables).
   */
  enum Jvm { launcher, defaults }

  /**
   * One configuration.
   *
   * @param workers  engine worker threads per instance
   * @param poolSize the store's connection pool size per instance (PostgreSQL; the H2 default keeps 10)
   * @param jvmArgs  extra options for the connector JVMs, after those {@code jvm} chooses
   * @param jvm      the connector JVMs' options: the launcher's or the JVM's defaults
   * @param vendor   the helpdesk whose fake sends the webhooks and serves the connectors' API calls
   */
  record Setup(Store store, int instances, boolean fakeBot, int workers, int poolSize, List<String> jvmArgs, Jvm jvm,
      Build build, DemoVendor.Kind vendor) {
    Setup(Store store, int instances, boolean fakeBot, int workers, int poolSize, List<String> jvmArgs, Jvm jvm) {
      this(store, instances, fakeBot, workers, poolSize, jvmArgs, jvm, Build.THIS, DemoVendor.Kind.zendesk);
    }

    Setup {
      jvmArgs = List.copyOf(jvmArgs);
      java.util.Objects.requireNonNull(build, "build");
      java.util.Objects.requireNonNull(vendor, "vendor");
      if (instances < 1 || instances > 2) {
        throw new IllegalArgumentException("--instances must be 1 or 2");
      }
      if (instances > 1 && store == Store.h2) {
        throw new IllegalArgumentException("two instances need --store postgres (an H2 file serves one process)");
      }
    }

    /** The same configuration with the connectors of another build. */
    Setup with(Build other) {
      return new Setup(store, instances, fakeBot, workers, poolSize, jvmArgs, jvm, other, vendor);
    }

    String label() {
      return (build == Build.THIS ? "" : build.name() + ": ") + vendor.title() + ", "
          + String.format(Locale.ROOT, "%s, %d instance%s, %s bot, %s", store == Store.h2 ? "H2 file" : "PostgreSQL",
          instances, instances == 1 ? "" : "s", fakeBot ? "fake" : "real",
          jvm == Jvm.launcher ? "launcher JVM options" : "JVM defaults");
    }
  }

  /**
   * The connectors' code: this benchmark's own class path ({@link #THIS}), or another build's distribution folder
   * (a {@code connector-app/target} folder or an installation: {@code deskbridge.jar}, {@code lib/}, optionally
   * {@code lib-demo/} and {@code jvm.options}), so that two builds run side by side against the same fake and load.
   *
   * @param options that build's {@code jvm.options}, or null to use this build's
   */
  record Build(String name, String classPath, JvmOptions options, List<String> jvmArgs) {
    static final Build THIS = new Build("this", System.getProperty("java.class.path"), null, List.of());

    Build {
      jvmArgs = List.copyOf(jvmArgs);
    }

    /** The same build with more options for its connector JVMs (after those of the configuration). */
    Build withJvmArg(String arg) {
      var args = new ArrayList<>(jvmArgs);
      args.add(arg);
      return new Build(name, classPath, options, args);
    }

    /**
     * Reads {@code NAME=FOLDER}.
     *
     * @throws IllegalArgumentException when the folder holds no {@code deskbridge.jar} and {@code lib/}
     */
    static Build parse(String spec) {
      int eq = spec.indexOf('=');
      if (eq < 1 || eq == spec.length() - 1) {
        throw new IllegalArgumentException("--build wants NAME=FOLDER (a connector-app/target folder or an installation "
            + "with deskbridge.jar and lib/), not '" + spec + "'");
      }
      String name = spec.substring(0, eq);
      Path dir = Path.of(spec.substring(eq + 1)).toAbsolutePath().normalize();
      if (!Files.isRegularFile(dir.resolve("deskbridge.jar")) || !Files.isDirectory(dir.resolve("lib"))) {
        throw new IllegalArgumentException("--build " + name + ": " + dir + " has no deskbridge.jar and lib/; build "
            + "it with mvn -B -q package -DskipTests and give its connector-app/target folder");
      }
      String sep = java.io.File.pathSeparator;
      String cp = dir.resolve("deskbridge.jar") + sep + dir.resolve("lib") + java.io.File.separator + "*"
          + (Files.isDirectory(dir.resolve("lib-demo")) ? sep + dir.resolve("lib-demo") + java.io.File.separator + "*"
          : "");
      try {
        Path options = dir.resolve(JvmOptions.FILE);
        return new Build(name, cp, Files.isRegularFile(options) ? JvmOptions.read(options) : null, List.of());
      } catch (IOException e) {
        throw new IllegalArgumentException("--build " + name + ": cannot read its " + JvmOptions.FILE + ": "
            + e.getMessage());
      }
    }
  }

  /** One connector JVM. */
  static final class Connector {
    final Process process;
    final int port;
    final Path log;

    Connector(Process process, int port, Path log) {
      this.process = process;
      this.port = port;
      this.log = log;
    }

    URI webhook() {
      return URI.create("http://127.0.0.1:" + port + "/webhooks/" + INSTALLATION);
    }
  }

  private final Path dir;
  private final Setup setup;
  private final JvmOptions launcherOptions;
  final DemoVendor vendor;
  private final EmbeddedPostgres postgres;
  final List<Connector> connectors = new ArrayList<>();
  private boolean keep;

  private BenchRig(Path dir, Setup setup, JvmOptions launcherOptions, DemoVendor vendor, EmbeddedPostgres postgres) {
    this.dir = dir;
    this.setup = setup;
    this.launcherOptions = launcherOptions;
    this.vendor = vendor;
    this.postgres = postgres;
  }

  /**
   * Starts the fake, the store and the connectors; returns once every connector answers its health check.
   *
   * @param launcherOptions the launcher's {@code jvm.options}: used as they are for {@link Jvm#launcher}; for
   *                        {@link Jvm#defaults} their environment variables are removed from the connectors'
   */
  static BenchRig start(Setup setup, JvmOptions launcherOptions) throws IOException {
    Path dir = Files.createTempDirectory("deskbridge-bench-");
    var fake = setup.vendor().start(Duration.ofSeconds(10));
    BenchRig rig = null;
    try {
      EmbeddedPostgres postgres = null;
      if (setup.store() == Store.postgres) {
        // zonky turns synchronous_commit off by default; production runs with it on
        postgres = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pg")).setCleanDataDirectory(true)
            .setServerConfig("synchronous_commit", "on").setOutputRedirector(ProcessBuilder.Redirect.DISCARD)
            .setErrorRedirector(ProcessBuilder.Redirect.DISCARD).start();
      }
      rig = new BenchRig(dir, setup, setup.build().options() != null ? setup.build().options() : launcherOptions, fake,
          postgres);
      Path kb = writeKnowledge(dir);
      for (int i = 1; i <= setup.instances(); i++) {
        rig.connectors.add(rig.startConnector(i, kb)); // one by one: the first migrates the schema
      }
      fake.deliverTo(rig.connectors.stream().map(Connector::webhook).toList());
      return rig;
    } catch (IOException | RuntimeException e) {
      if (rig != null) {
        rig.keep();
        rig.close();
      } else {
        fake.close();
      }
      throw e;
    }
  }

  /** Keeps the directory (configurations and connector logs) after closing, to look into a failure. */
  void keep() {
    keep = true;
  }

  Path dir() {
    return dir;
  }

  /** The demo knowledge base from the class path, written out as Markdown files into {@code dir/kb} for {@code serve}. */
  static Path writeKnowledge(Path dir) throws IOException {
    Path kb = Files.createDirectories(dir.resolve("kb"));
    var loader = BenchRig.class.getClassLoader();
    KnowledgeLoader.loadFromClasspath(loader, "demo-kb"); // fails early on a broken index
    String index = read(loader, "demo-kb/index.txt");
    for (String name : index.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList()) {
      Files.writeString(kb.resolve(name), read(loader, "demo-kb/" + name));
    }
    return kb;
  }

  private static String read(ClassLoader loader, String resource) throws IOException {
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("class path resource not found: " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private String storeYaml() {
    if (postgres == null) {
      return "  directory: " + yamlString(dir.resolve("h2").toString()); // the default H2 file store, pool of 10
    }
    return "  url: " + yamlString(postgres.getJdbcUrl("postgres", "postgres")) + "\n  username: postgres\n"
        + "  maxPoolSize: " + setup.poolSize();
  }

  private Connector startConnector(int n, Path kb) throws IOException {
    int port = freePort();
    Path config = dir.resolve("instance-" + n + ".yaml");
    Files.writeString(config, """
        # generated by deskbridge bench
        server:
          host: 127.0.0.1
          port: %d
        store:
        %s
        engine:
          workers: %d
        knowledge: %s
        installations:
          - id: %s
            mode: auto
            requestsPerMinute: 1000000
            retry: {maxAttempts: 6, initialDelay: 100ms, maxDelay: 5s}
        %s""".formatted(port, storeYaml(), setup.workers(), yamlString(kb.toString()), INSTALLATION,
        vendor.installationYaml("    ", Files.createDirectories(dir.resolve("secrets")))));
    var jvmArgs = new ArrayList<>(setup.jvmArgs());
    jvmArgs.addAll(setup.build().jvmArgs());
    return serve(config, dir.resolve("instance-" + n + ".log"), port, n, setup.jvm(), launcherOptions, jvmArgs,
        setup.build().classPath(), setup.fakeBot());
  }

  /** A free TCP port on this machine, for a connector to listen on. */
  static int freePort() throws IOException {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /**
   * Starts {@code serve --config config} in a new JVM, its output into {@code log}; returns once it answers its
   * health check on {@code port}.
   *
   * @param n               the instance number that replaces {@code {n}} in {@code jvmArgs}
   * @param jvm             whether the JVM gets the launcher's options and environment or none
   * @param launcherOptions the launcher's {@code jvm.options}
   * @param classPath       the connector's code
   * @param fakeBot         a hashing bag of words instead of the embedding model
   */
  static Connector serve(Path config, Path log, int port, int n, Jvm jvm, JvmOptions launcherOptions,
      List<String> jvmArgs, String classPath, boolean fakeBot) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    var command = new ArrayList<String>();
    command.add(java);
    if (jvm == Jvm.launcher) {
      command.addAll(launcherOptions.options());
    }
    jvmArgs.forEach(a -> command.add(a.replace("{n}", String.valueOf(n))));
    command.addAll(List.of("-cp", classPath, Main.class.getName(), "serve", "--config", config.toString()));
    var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    Map<String, String> env = builder.environment();
    if (jvm == Jvm.launcher) {
      launcherOptions.applyTo(env);
    } else {
      env.keySet().removeAll(launcherOptions.environment().keySet()); // e.g. inherited from a bench run by the launcher
    }
    env.put("OPT_OUT_TRACKING", "true");
    env.putIfAbsent("DESKBRIDGE_LOG_LEVEL", "WARN");
    if (fakeBot) {
      env.put(ServeCommand.FAKE_EMBEDDINGS, "true");
    } else {
      env.remove(ServeCommand.FAKE_EMBEDDINGS);
    }
    var connector = new Connector(builder.start(), port, log);
    try {
      awaitHealthy(connector, Duration.ofSeconds(120));
    } catch (IOException e) {
      connector.process.destroyForcibly();
      throw e;
    }
    return connector;
  }

  private static void awaitHealthy(Connector c, Duration timeout) throws IOException {
    var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + c.port + "/health"))
        .timeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!c.process.isAlive()) {
        throw new IOException("connector on port " + c.port + " exited with " + c.process.exitValue() + ": "
            + tail(c.log));
      }
      try {
        if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
    }
    throw new IOException("connector on port " + c.port + " not healthy after " + timeout + ": " + tail(c.log));
  }

  static String tail(Path log) {
    try {
      var lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  static String yamlString(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /** The PostgreSQL server's process id (its backends are its children); -1 on H2 or when unknown. */
  long postgresPid() {
    if (postgres == null) {
      return -1;
    }
    try {
      return Long.parseLong(Files.readAllLines(dir.resolve("pg").resolve("postmaster.pid")).get(0).strip());
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /**
   * Stops connector processes: SIGTERM, so that the shutdown hook finishes accepted work and closes the store; after
   * 60 s without exiting, SIGKILL.
   */
  static void stop(List<Connector> connectors) {
    for (var c : connectors) {
      c.process.destroy();
    }
    for (var c : connectors) {
      try {
        if (!c.process.waitFor(60, TimeUnit.SECONDS)) {
          c.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        c.process.destroyForcibly();
      }
    }
  }

  /** Deletes a directory tree; a failure is reported on stderr. */
  static void delete(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      System.err.println("bench: cannot delete " + dir + ": " + e.getMessage());
    }
  }

  /** True when every connector process is still running. */
  boolean allAlive() {
    return connectors.stream().allMatch(c -> c.process.isAlive());
  }

  @Override
  public void close() {
    stop(connectors);
    vendor.close();
    if (postgres != null) {
      try {
        postgres.close();
      } catch (IOException e) {
        System.err.println("bench: stopping PostgreSQL: " + e.getMessage());
      }
    }
    if (keep) {
      System.err.println("bench: kept " + dir + " (configurations and connector logs)");
      return;
    }
    delete(dir);
  }
}
