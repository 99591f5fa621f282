package io.deskbridge.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Checks a configuration without serving: see {@link Doctor}. */
@Command(name = "doctor", mixinStandardHelpOptions = true, version = Main.VERSION,
    description = "Check everything serve needs, without serving: the configuration and its secrets, each "
        + "installation's credentials (a who-am-I call) and routing targets, the store (reachable, migrations, free "
        + "disk), the embedding model and its cache, and the knowledge base's health (articles without sample "
        + "questions, missing translations, near-duplicate questions of different articles, the article pairs the "
        + "bot confuses and the share it would answer at the threshold, from a leave-one-out over the sample "
        + "questions). One line per check: OK, WARN or FAIL with the setting, file or article and the fix.",
    footerHeading = "%nExamples:%n",
    footer = {
        "  deskbridge doctor --config deskbridge.yaml",
        "  deskbridge doctor --config deskbridge.yaml --installation acme --json > doctor.json",
        "",
        "Exit codes: 0 no problem (warnings allowed); 1 at least one FAIL; 2 a mistake in the command line. The "
            + "knowledge checks build the bot as serve does, so the knowledge cache is filled on the way."})
final class DoctorCommand implements Callable<Integer> {
  @Option(names = "--config", required = true, paramLabel = "FILE", description = "the YAML configuration file")
  Path config;

  @Option(names = "--installation", paramLabel = "ID", description = "check only this installation (default: all)")
  String installation;

  @Option(names = "--test-delivery", description = "also have each helpdesk that offers one send a test delivery of "
      + "its webhook (run it while serve is running at server.publicUrl)")
  boolean testDelivery;

  @Option(names = "--json", description = "print one JSON document (ok, problems, warnings, findings) instead of lines")
  boolean json;

  @Option(names = "--min-free-mb", paramLabel = "MB", defaultValue = "1024",
      description = "warn when less is free where the store and the knowledge cache live (default: ${DEFAULT-VALUE})")
  long minFreeMegabytes;

  @Mixin
  VerboseOption verbose;

  @Spec
  CommandSpec spec;

  /** How environment variables (secrets, overrides) are read; tests replace it. */
  Function<String, String> env = System::getenv;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    var doctor = new Doctor(config, env, installation, minFreeMegabytes * 1024 * 1024, testDelivery,
        Clock.systemUTC());
    var findings = doctor.run(json ? f -> { } : f -> {
      out.println(line(f));
      out.flush();
    });
    long problems = findings.stream().filter(f -> f.status() == Doctor.Status.FAIL).count();
    long warnings = findings.stream().filter(f -> f.status() == Doctor.Status.WARN).count();
    if (json) {
      var document = new LinkedHashMap<String, Object>();
      document.put("ok", problems == 0);
      document.put("problems", problems);
      document.put("warnings", warnings);
      document.put("findings", findings.stream().map(f -> {
        var o = new LinkedHashMap<String, Object>();
        o.put("status", f.status().name());
        o.put("check", f.check());
        o.put("subject", f.subject());
        o.put("message", f.message());
        return o;
      }).toList());
      out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(document));
    } else {
      out.println(problems == 0 ? "doctor: no problem found" + (warnings == 0 ? "" : ", " + warnings + " warning(s)")
          : "doctor: " + problems + " problem(s)" + (warnings == 0 ? "" : ", " + warnings + " warning(s)")
              + "; fix the FAIL lines above and run doctor again");
    }
    out.flush();
    return problems == 0 ? 0 : 1;
  }

  /** {@code OK   store: H2 file … reachable; …}: the status, the check and the message, on one line. */
  static String line(Doctor.Finding f) {
    return String.format(Locale.ROOT, "%-4s %s: %s", f.status(), f.check(), f.message().replaceAll("\\s*\\R\\s*", " "));
  }
}
