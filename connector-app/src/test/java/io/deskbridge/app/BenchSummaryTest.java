package io.deskbridge.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchSummaryTest {
  private static final String W = BenchSummary.PREWRITE;

  @Test
  void thePrewriteWindowOfAStepComesFromTheHistogramsIncreaseInThatStep() {
    // the step added 100 samples: 60 up to 1 ms, 39 more up to 5 ms, 1 more up to 50 ms; 0.2 s in total
    var delta = Map.of(
        W + "_seconds_bucket{le=\"0.001\"}", 60.0,
        W + "_seconds_bucket{le=\"0.005\"}", 99.0,
        W + "_seconds_bucket{le=\"0.05\"}", 100.0,
        W + "_seconds_bucket{le=\"+Inf\"}", 100.0,
        W + "_seconds_count", 100.0,
        W + "_seconds_sum", 0.2);
    var last = Map.of(W + "_seconds_max", 0.03);

    assertThat(BenchSummary.describe(delta, last))
        .isEqualTo("pre-write window: n 100, mean 2.00 ms, p50 <= 1.00 ms, p99 <= 5.00 ms (buckets), max 30.00 ms");
  }

  @Test
  void quantileGaugesAreReportedAsPublishedWhenThereAreNoBuckets() {
    var delta = Map.of(W + "_seconds_count", 10.0, W + "_seconds_sum", 0.05,
        W + "_seconds{quantile=\"0.99\"}", 0.0);
    var last = Map.of(W + "_seconds{quantile=\"0.99\"}", 0.012);

    assertThat(BenchSummary.describe(delta, last)).isEqualTo("pre-write window: n 10, mean 5.00 ms, q0.99 12.00 ms");
  }

  @Test
  void aBuildIsAFolderWithTheJarAndItsLibrariesAndItsOwnJvmOptions(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("deskbridge.jar"), "");
    Files.createDirectories(dir.resolve("lib"));
    Files.writeString(dir.resolve("jvm.options"), "-Xmx99m\nFOO=bar\n");

    var build = BenchRig.Build.parse("before=" + dir);

    assertThat(build.name()).isEqualTo("before");
    assertThat(build.classPath()).startsWith(dir.toAbsolutePath().resolve("deskbridge.jar").toString())
        .contains(dir.toAbsolutePath().resolve("lib") + java.io.File.separator + "*").doesNotContain("lib-demo");
    assertThat(build.options().options()).containsExactly("-Xmx99m");
    assertThat(build.withJvmArg("-Dx=1").jvmArgs()).containsExactly("-Dx=1");
  }

  @Test
  void aBuildWithoutTheJarIsRefusedWithTheFix(@TempDir Path dir) {
    assertThatThrownBy(() -> BenchRig.Build.parse("after=" + dir)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("has no deskbridge.jar and lib/").hasMessageContaining("mvn -B -q package");
    assertThatThrownBy(() -> BenchRig.Build.parse(dir.toString())).hasMessageContaining("NAME=FOLDER");
  }

  @Test
  void jfrSamplesAreCountedInTheInnermostStageOnTheirStack() {
    // the bot's embedding runs inside the engine's decide, inside a worker: it counts as the embedding
    assertThat(JfrReport.stage(List.of("ai.onnxruntime.OrtSession#run", "io.deskbridge.core.bot.Retriever#embed",
        "io.deskbridge.core.engine.Engine#decide", "io.deskbridge.core.engine.Engine#work")))
        .isEqualTo("decide: embedding (ONNX, tokenizer)");
    // the CHECKPOINT of a receive counts as the durable commit, the rest of the receive as the inbox commit
    assertThat(JfrReport.stage(List.of("org.h2.command.dml.TransactionCommand#update",
        "io.deskbridge.core.store.JdbcStore#tx", "io.deskbridge.core.store.JdbcStore#receive")))
        .startsWith("durable commits");
    assertThat(JfrReport.stage(List.of("org.h2.command.Parser#parse", "io.deskbridge.core.store.JdbcStore#refreshDue",
        "io.deskbridge.core.store.JdbcStore#receive"))).isEqualTo("webhook: inbox commit (receive)");
    assertThat(JfrReport.stage(List.of("java.lang.Object#hashCode"))).startsWith("other");
  }
}
