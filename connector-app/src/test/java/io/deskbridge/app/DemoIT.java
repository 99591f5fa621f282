package io.deskbridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The demo's script on every vendor (and Daktela's polling variant), run as a test so CI catches a change that breaks
 * it; and {@code demo --vendor all}'s side-by-side table of the three vendors. Each vendor's run is made once and
 * shared by the tests (the script takes seconds per vendor).
 */
class DemoIT {
  private static final Map<DemoVendor.Kind, Demo.Run> RUNS = new ConcurrentHashMap<>();

  private static Demo.Run run(DemoVendor.Kind vendor) {
    return RUNS.computeIfAbsent(vendor, Demo::runOn);
  }

  @ParameterizedTest
  @EnumSource(DemoVendor.Kind.class)
  void everyScriptedOutcomeIsAsExpectedAndPrinted(DemoVendor.Kind vendor) {
    var run = run(vendor);

    assertThat(run.outcomes()).hasSize(17);
    assertThat(run.outcomes()).allSatisfy(o -> assertThat(o.ok())
        .as("%s step '%s': expected %s (%s), got %s", vendor, o.step().says(), o.step().expectDecision(),
            o.step().expectReason(), o.audit())
        .isTrue());
    var handovers = run.outcomes().stream().filter(o -> o.audit().decision().equals("handover")).toList();
    assertThat(handovers).hasSize(6).allSatisfy(o -> {
      assertThat(o.note()).as("the agent's internal note").startsWith("Deskbridge handover").contains("Why:");
      assertThat(o.publicReply()).as("the customer is told").isNotBlank();
      assertThat(o.group()).as("the handover's group or queue").isNotBlank();
    });
    assertThat(run.outcomes()).filteredOn(o -> o.audit().decision().equals("reply"))
        .allSatisfy(o -> assertThat(o.publicReply()).isNotBlank());
    assertThat(run.unmatched()).isEmpty();
    assertThat(run.ok()).isTrue();

    var bytes = new ByteArrayOutputStream();

    Demo.print(new PrintStream(bytes, true, StandardCharsets.UTF_8), run);

    String printed = bytes.toString(StandardCharsets.UTF_8);
    assertThat(printed).contains(vendor.title() + " fake at").contains("internal note: Deskbridge handover")
        .contains("queue " + handovers.get(0).group()).contains(run.outcomes().size() + " of " + run.outcomes().size()
            + " scripted outcomes as expected");
  }

  /** Daktela's agent view: handovers land in the routing group's category, complaints with Alice assigned. */
  @Test
  void daktelaHandsOverToTheRoutingGroupsCategory() {
    var groups = run(DemoVendor.Kind.daktela).outcomes().stream()
        .filter(o -> o.audit().decision().equals("handover")).map(Demo.Outcome::group).toList();

    assertThat(groups).contains("Support", "Billing", "Support (alice)")
        .allMatch(g -> g.matches("(Support|Billing|Technical)( \\(alice\\))?"));
  }

  @Test
  void allIsTheThreeVendorsSideBySideWithTheSameDecisions() {
    var vendors = DemoVendor.Kind.parse("all");
    assertThat(vendors).containsExactly(DemoVendor.Kind.zendesk, DemoVendor.Kind.salesforce, DemoVendor.Kind.daktela);
    List<Demo.Run> runs = vendors.stream().map(DemoIT::run).toList();
    var bytes = new ByteArrayOutputStream();

    int exit = Demo.finish(new PrintStream(bytes, true, StandardCharsets.UTF_8), runs);

    assertThat(exit).isZero();
    for (int i = 0; i < runs.get(0).outcomes().size(); i++) {
      int step = i;
      assertThat(runs).extracting(r -> r.outcomes().get(step).audit().decision()).as("step %d", step + 1)
          .containsOnly(runs.get(0).outcomes().get(step).audit().decision());
    }
    String printed = bytes.toString(StandardCharsets.UTF_8);
    assertThat(printed).contains("Side by side").contains("Zendesk: decision, queue, note")
        .contains("Salesforce: decision, queue, note").contains("Daktela: decision, queue, note")
        .doesNotContain("<-- !");
  }
}
