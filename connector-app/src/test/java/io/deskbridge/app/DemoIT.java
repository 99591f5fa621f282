package io.deskbridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The demo's script on every vendor, run as a test so CI catches a change that breaks it. */
class DemoIT {
  @ParameterizedTest
  @EnumSource(DemoVendor.Kind.class)
  void everyScriptedOutcomeIsAsExpectedAndPrinted(DemoVendor.Kind vendor) {
    var run = Demo.runOn(vendor);

    assertThat(run.outcomes()).hasSizeGreaterThanOrEqualTo(12);
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
    Demo.sideBySide(new PrintStream(bytes, true, StandardCharsets.UTF_8), List.of(run, run));

    String printed = bytes.toString(StandardCharsets.UTF_8);
    assertThat(printed).contains(vendor.title() + " fake at").contains("internal note: Deskbridge handover")
        .contains("queue " + handovers.get(0).group()).contains(run.outcomes().size() + " of " + run.outcomes().size()
            + " scripted outcomes as expected").contains("Side by side");
  }
}
