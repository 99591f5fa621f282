package io.deskbridge.app;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Plays the same scripted customer conversations through each vendor's fake and its webhooks into a real running
 * connector on the shipped web-shop knowledge base (the ticket script on the ticket vendors, the chat script on the
 * chat vendors), prints what the agent sees per vendor and side by side, and exits non-zero when any outcome differs
 * from the script ({@link Demo}). Without the optional {@code lib-demo/} folder it
 * says so in one line and exits 2.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, version = Main.VERSION,
    description = "Run the scripted demo against the built-in helpdesk fakes; exit 1 on any unexpected outcome.",
    footerHeading = "%nExamples:%n",
    footer = {
        "  deskbridge demo                     tickets on each helpdesk, the chats, the API session",
        "  deskbridge demo --vendor daktela    one vendor only (daktela-polling: Daktela without webhooks)",
        "  deskbridge demo --vendor daktela-chat   the chat script on one chat vendor",
        "  deskbridge demo --vendor api        the Conversation API session, with its curl lines",
        "  deskbridge demo --answer-mode llm   the second run: LLM answers against the fake, one sent, one refused",
        "  deskbridge demo --verbose           with the connector's log"})
final class DemoCommand implements Callable<Integer> {
  static final String SECRET = DemoVendor.SECRET;

  @Option(names = "--vendor", defaultValue = "all", paramLabel = "VENDOR",
      description = "the helpdesk(s) to run the script on: all, or a comma-separated list of ${COMPLETION-CANDIDATES} "
          + "(default ${DEFAULT-VALUE})", completionCandidates = VendorNames.class)
  String vendor;

  @Option(names = VerboseOption.NAME, description = "show the connector's log (and the stack trace of an error)")
  boolean verbose;

  @Option(names = "--answer-mode", defaultValue = "extractive", paramLabel = "MODE",
      description = "extractive (default): the scripts above; llm: the second run, the Conversation API with "
          + "answer.mode llm against the OpenAI-compatible fake (one guarded LLM answer sent, one refused)")
  String answerMode;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    if (!answerMode.equals("extractive")) {
      if (!answerMode.equals("llm")) {
        throw new ParameterException(spec.commandLine(), "--answer-mode must be extractive or llm, was '"
            + answerMode + "'");
      }
      if (!vendor.strip().equalsIgnoreCase("all") && !vendor.strip().equalsIgnoreCase(API)) {
        throw new ParameterException(spec.commandLine(), "--answer-mode llm runs the Conversation API session "
            + "only; drop --vendor or write --vendor api");
      }
      var missing = DemoLibraries.missing("demo --answer-mode llm", "io.deskbridge.mock.openai.OpenAiFake");
      if (missing.isPresent()) {
        spec.commandLine().getErr().println(missing.get());
        return 2;
      }
      return LlmDemo.run(verbose, System.out);
    }
    Selection selection;
    try {
      selection = parse(vendor);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    var missing = DemoLibraries.missing("demo");
    if (missing.isPresent() && !selection.vendors().isEmpty()) { // the API session needs no vendor fake
      spec.commandLine().getErr().println(missing.get());
      return 2;
    }
    return Demo.run(verbose, selection.vendors(), selection.api());
  }

  /** What {@code --vendor} chose: vendors to run the scripts on, and whether the Conversation API session runs. */
  record Selection(List<DemoVendor.Kind> vendors, boolean api) {}

  /**
   * {@code all}: the ticket vendors, then the chat vendors, then the API session; otherwise the named ones (variants
   * included), {@code api} naming the session.
   */
  static Selection parse(String names) {
    if (names.strip().equalsIgnoreCase("all")) {
      var all = new java.util.ArrayList<>(DemoVendor.Kind.vendors());
      all.addAll(DemoVendor.Kind.vendors(DemoVendor.Channel.CHAT));
      return new Selection(List.copyOf(all), true);
    }
    var named = java.util.Arrays.stream(names.split(",")).map(String::strip).toList();
    boolean api = named.stream().anyMatch(n -> n.equalsIgnoreCase(API));
    var vendors = named.stream().filter(n -> !n.equalsIgnoreCase(API)).toList();
    try {
      return new Selection(vendors.isEmpty() ? List.of() : DemoVendor.Kind.parse(String.join(",", vendors)), api);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(e.getMessage().replace(" or all", ", " + API + " or all"), e);
    }
  }

  /** The {@code --vendor} name of the Conversation API session. */
  static final String API = "api";

  /** The vendor names for {@code --help}. */
  static final class VendorNames extends java.util.ArrayList<String> {
    VendorNames() {
      super(DemoVendor.Kind.ids());
      add(API);
    }
  }

  static String excerpt(String text, int max) {
    String flat = text.replace('\n', ' ').strip();
    return flat.length() <= max ? flat : flat.substring(0, max - 1) + "…";
  }
}
