package io.deskbridge.app;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Plays scripted customer tickets through the Zendesk fake's signed webhooks into a real running connector
 * on the shipped web-shop knowledge base, prints what happened, and exits non-zero when any outcome differs
 * from the script ({@link Demo}). Without the optional {@code lib-demo/} folder it says so in one line and exits 2.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, version = Main.VERSION,
    description = "Run the scripted Zendesk demo against the built-in fake; exit 1 on any unexpected outcome.",
    footerHeading = "%nExamples:%n",
    footer = {
        "  deskbridge demo              the table of what happened to each scripted customer message",
        "  deskbridge demo --verbose    with the connector's log"})
final class DemoCommand implements Callable<Integer> {
  static final String SECRET = "demo-webhook-signing-secret";

  @Option(names = VerboseOption.NAME, description = "show the connector's log (and the stack trace of an error)")
  boolean verbose;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    var missing = DemoLibraries.missing("demo");
    if (missing.isPresent()) {
      spec.commandLine().getErr().println(missing.get());
      return 2;
    }
    return Demo.run(verbose);
  }

  static String excerpt(String text, int max) {
    String flat = text.replace('\n', ' ').strip();
    return flat.length() <= max ? flat : flat.substring(0, max - 1) + "…";
  }
}
