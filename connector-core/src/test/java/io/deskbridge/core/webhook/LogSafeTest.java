package io.deskbridge.core.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogSafeTest {

  @Test
  void crLfCannotForgeALogLine() {
    assertThat(LogSafe.of("71447\r\n12:00:00.000 INFO  forged line")).isEqualTo("71447\\r\\n12:00:00.000 INFO  forged line")
        .doesNotContain("\r").doesNotContain("\n");
  }

  @Test
  void nulTabAndOtherControlCharactersAreVisibleEscapes() {
    assertThat(LogSafe.of("a\0b\tc\u001b[31md\u007fe\u0085f\u2028g")).isEqualTo("a\\0b\\tc\\u001b[31md\\u007fe\\u0085f\\u2028g");
  }

  @Test
  void aBackslashIsEscapedSoAnEscapeCannotBeFaked() {
    assertThat(LogSafe.of("a\\nb")).isEqualTo("a\\\\nb");
  }

  @Test
  void longValuesAreCutWithANote() {
    assertThat(LogSafe.of("x".repeat(1000))).isEqualTo("x".repeat(LogSafe.MAX_CHARS) + "...(744 more chars)");
  }

  @Test
  void plainTextAndNullPassUnchanged() {
    assertThat(LogSafe.of("zendesk ticket 71447 é ü 日本")).isEqualTo("zendesk ticket 71447 é ü 日本");
    assertThat(LogSafe.of(null)).isEqualTo("null");
  }

  @Test
  void withCauseNamesTheInnermostCauseMadeSafe() {
    var e = new IllegalStateException("receive failed: timeout",
        new RuntimeException("wrapper", new IllegalArgumentException("row not found\nin index")));
    assertThat(LogSafe.withCause(e)).isEqualTo("java.lang.IllegalStateException: receive failed: timeout; "
        + "cause: java.lang.IllegalArgumentException: row not found\\nin index");
    assertThat(LogSafe.withCause(new IllegalStateException("alone"))).isEqualTo("java.lang.IllegalStateException: alone");
  }
}
