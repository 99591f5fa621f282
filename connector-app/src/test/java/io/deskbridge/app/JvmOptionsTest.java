package io.deskbridge.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JvmOptionsTest {
  @Test
  void readsOptionsAndEnvironmentSkippingCommentsAndBlankLines() {
    var options = JvmOptions.parse("jvm.options", List.of("# heap", "  -Xmx256m  ", "", "-XX:+UseSerialGC",
        "MALLOC_ARENA_MAX=2", "  # more", "OPT_OUT_TRACKING=true", "-Dname=a b"));

    assertThat(options.options()).containsExactly("-Xmx256m", "-XX:+UseSerialGC", "-Dname=a b");
    assertThat(options.environment()).containsExactlyInAnyOrderEntriesOf(
        Map.of("MALLOC_ARENA_MAX", "2", "OPT_OUT_TRACKING", "true"));
  }

  @Test
  void theFirstValueOfAVariableWinsAsInTheLauncher() {
    var options = JvmOptions.parse("f", List.of("A=1", "A=2", "B=x=y"));

    assertThat(options.environment()).containsEntry("A", "1").containsEntry("B", "x=y");
  }

  @Test
  void aVariableAlreadySetForTheProcessIsKept() {
    var env = new HashMap<>(Map.of("MALLOC_ARENA_MAX", "4"));

    JvmOptions.parse("f", List.of("MALLOC_ARENA_MAX=2", "OPT_OUT_TRACKING=true")).applyTo(env);

    assertThat(env).containsEntry("MALLOC_ARENA_MAX", "4").containsEntry("OPT_OUT_TRACKING", "true");
  }

  @Test
  void aLineThatIsNeitherNamesTheFileAndLine() {
    assertThatThrownBy(() -> JvmOptions.parse("conf/jvm.options", List.of("-Xmx1g", "Xss512k")))
        .hasMessage("conf/jvm.options line 2: 'Xss512k' is neither a JVM option (-...) nor NAME=value");
    assertThatThrownBy(() -> JvmOptions.parse("f", List.of("1A=2")))
        .hasMessage("f line 1: '1A' is not an environment variable name");
  }

  @Test
  void theShippedFileCapsHeapMetaspaceAndCodeCacheAndLimitsMallocArenas() throws Exception {
    var shipped = JvmOptions.read(Path.of("src/main/dist", JvmOptions.FILE));

    assertThat(shipped.options()).anyMatch(o -> o.startsWith("-Xmx")).anyMatch(o -> o.startsWith("-XX:MaxMetaspaceSize="))
        .anyMatch(o -> o.startsWith("-XX:ReservedCodeCacheSize="));
    assertThat(shipped.environment()).containsEntry("MALLOC_ARENA_MAX", "2").containsEntry("OPT_OUT_TRACKING", "true");
  }

  @Test
  void aMissingFileIsNamedWithWhereItComesFrom() {
    assertThatThrownBy(() -> JvmOptions.read(Path.of("nowhere", JvmOptions.FILE)))
        .hasMessageContaining("nowhere").hasMessageContaining("connector-app/src/main/dist/jvm.options");
  }
}
