package io.deskbridge.app.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.core.engine.DraftVerdict;
import io.deskbridge.core.engine.DraftVerdictFile;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine's draft verdicts file is a cases file the {@code eval} command and the calibration read as it is. */
class DraftVerdictsCasesTest {
  @TempDir
  Path dir;

  @Test
  void theVerdictsFileReadsAsLabelledCases() {
    var path = dir.resolve("draft-verdicts.jsonl");
    try (var file = DraftVerdictFile.open(path)) {
      file.append("draft-acme-101-e1", "How do I reset my password?", "en", DraftVerdict.SENT_AS_DRAFTED,
          "password-reset");
      file.append("draft-acme-102-e7", "Kde je moje zásilka?", "cs", DraftVerdict.EDITED, "delivery");
      file.append("draft-acme-103-e9", "Can I pay by invoice?", "en", DraftVerdict.REPLACED, "payment-methods");
    }

    var cases = EvalCase.read(path);

    assertThat(cases).extracting(EvalCase::id)
        .containsExactly("draft-acme-101-e1", "draft-acme-102-e7", "draft-acme-103-e9");
    assertThat(cases).extracting(EvalCase::expect)
        .containsExactly(EvalCase.Expect.ANSWER, EvalCase.Expect.ANSWER, EvalCase.Expect.NO_ANSWER);
    assertThat(cases).extracting(EvalCase::article).containsExactly("password-reset", "delivery", "");
    assertThat(cases.get(1).language()).isEqualTo("cs");
  }
}
