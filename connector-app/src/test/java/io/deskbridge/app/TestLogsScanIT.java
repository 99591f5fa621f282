package io.deskbridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.mock.daktela.DaktelaFake;
import io.deskbridge.mock.openai.OpenAiFake;
import io.deskbridge.mock.salesforce.SalesforceFakeConfig;
import io.deskbridge.mock.sunco.SuncoFake;
import io.deskbridge.mock.zendesk.ZendeskFakeConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The whole test suite's logs: every module's {@code logback-test.xml} copies each line (redacted by
 * {@code RedactingEncoder}) to {@code target/test-logs/surefire.log} and {@code failsafe.log}. This test runs in
 * connector-app's last failsafe execution ({@code scan-test-logs} in its pom), so in {@code mvn verify} after every
 * other test of the reactor, and fails on any line holding a fake's secret (its tokens, passwords and keys) or
 * personal data the redactor finds: an appender that does not redact, or a secret printed anywhere. Run alone it
 * scans the logs the last build left.
 */
class TestLogsScanIT {

  static List<String> secrets() {
    var zendesk = ZendeskFakeConfig.defaults();
    var salesforce = SalesforceFakeConfig.defaults();
    return List.of(zendesk.apiToken(), DaktelaFake.Config.defaults().accessToken(), salesforce.password(),
        salesforce.securityToken(), salesforce.clientSecret(), SuncoFake.Config.defaults().keySecret(),
        OpenAiFake.Config.defaults().apiKey());
  }

  @Test
  void noTestLogHoldsASecretOrPersonalData() throws Exception {
    Path root = Path.of("").toAbsolutePath().getParent();
    List<Path> logs;
    try (Stream<Path> modules = Files.list(root)) {
      logs = modules.map(m -> m.resolve("target/test-logs")).filter(Files::isDirectory).flatMap(d -> {
        try (Stream<Path> files = Files.list(d)) {
          return files.filter(f -> f.toString().endsWith(".log")).toList().stream();
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).sorted().toList();
    }
    assertThat(logs).as("test logs under %s/*/target/test-logs", root).isNotEmpty();
    var leaks = new ArrayList<String>();
    long lines = 0;
    for (Path log : logs) {
      String text = Files.readString(log);
      lines += text.lines().count();
      leaks.addAll(CapturedLogs.leaks(root.relativize(log).toString(), text, secrets()));
    }
    System.out.printf("scanned %d test log(s), %d line(s): %d leak(s)%n", logs.size(), lines, leaks.size());
    assertThat(leaks).isEmpty();
  }
}
