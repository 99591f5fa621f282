package io.deskbridge.app.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deskbridge.app.eval.EvalCase.Expect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Slavic emotion converters on tiny samples written in each set's format (no rows of the real sets). */
class EmotionDatasetsTest {

  @TempDir
  Path dir;

  private static final String HEADER = "Joy\tTrust\tAnticipation\tSurprise\tFear\tSadness\tDisgust\tAnger\tPositive\t"
      + "Negative\tNeutral";

  private static String labels(boolean disgust, boolean anger, boolean positive, boolean negative) {
    return String.join("\t", "False", "False", "False", "False", "False", "False", cap(disgust), cap(anger),
        cap(positive), cap(negative), cap(!positive && !negative));
  }

  private static String cap(boolean b) {
    return b ? "True" : "False";
  }

  @Test
  void clarinEmoSentencesAndReviewsWithAngerAgainstCalmAndNegativeLeftOut() throws Exception {
    var in = Files.createDirectories(dir.resolve("clarin/train"));
    Files.write(in.resolve("in.tsv"), List.of("text", "Obsługa była bezczelna.", "Pokój był czysty.",
        "Śniadanie było słabe.", "#".repeat(27), "Polecam.", "#".repeat(27)));
    Files.write(in.resolve("expected.tsv"), List.of(HEADER, labels(false, true, false, true),
        labels(false, false, true, false), labels(false, false, false, true), labels(false, true, false, true),
        labels(false, false, true, false), labels(false, false, true, false)));

    assertThat(EmotionDatasets.clarinEmo(dir.resolve("clarin"), dir.resolve("s"), false))
        .contains("3 cases {handover/anger=1, no_handover=2}");
    var sentences = EvalCase.read(dir.resolve("s/cases.jsonl"));
    assertThat(sentences).extracting(EvalCase::text)
        .containsExactly("Obsługa była bezczelna.", "Pokój był czysty.", "Polecam.");
    assertThat(sentences.get(0).expect()).isEqualTo(Expect.HANDOVER);
    assertThat(sentences.get(0).reason()).isEqualTo("anger");
    assertThat(sentences).extracting(EvalCase::language).containsOnly("pl");
    assertThat(Files.readString(dir.resolve("s/kb.jsonl"))).isEmpty();

    EmotionDatasets.clarinEmo(dir.resolve("clarin"), dir.resolve("r"), true);
    var reviews = EvalCase.read(dir.resolve("r/cases.jsonl"));
    assertThat(reviews).extracting(EvalCase::text)
        .containsExactly("Obsługa była bezczelna. Pokój był czysty. Śniadanie było słabe.", "Polecam.");
    assertThat(reviews).extracting(EvalCase::expect).containsExactly(Expect.HANDOVER, Expect.NO_HANDOVER);
  }

  @Test
  void clarinEmoFilesThatDoNotLineUpAreRejected() throws Exception {
    var in = Files.createDirectories(dir.resolve("clarin/train"));
    Files.write(in.resolve("in.tsv"), List.of("text", "a", "b"));
    Files.write(in.resolve("expected.tsv"), List.of(HEADER, labels(false, true, false, true)));
    assertThatThrownBy(() -> EmotionDatasets.clarinEmo(dir.resolve("clarin"), dir.resolve("out"), false))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must line up");
  }

  @Test
  void komentarzeHostileClassesAgainstCriticismAndOtherEachTextOnceContradictionsLeftOut() throws Exception {
    var csv = dir.resolve("komentarze.csv");
    Files.writeString(csv, """
        source_file,label_pl,label,text,nie,tak
        Obraźliwe/obr1.json,Obraźliwe,offensive,"Banda złodziei, wstyd!",1,2
        Obraźliwe/obr2.json,Obraźliwe,offensive,"Banda złodziei, wstyd!",0,0
        Krytyka/kr1.json,Krytyka,criticism,Artykuł jest nierzetelny.,0,0
        Pozostałe/poz1.json,Pozostałe,other,Dzięki za informację.,0,0
        Złośliwe/zlo1.json,Złośliwe,malicious_snide,Dzięki za informację.,0,0
        Ostra krytyka/ok1.json,Ostra krytyka,harsh_criticism,To jest skandal i kompromitacja.,0,0
        """);
    assertThat(EmotionDatasets.komentarze(dir, dir.resolve("out")))
        .contains("3 cases {handover/anger=2, no_handover=1}");
    var cases = EvalCase.read(dir.resolve("out/cases.jsonl"));
    assertThat(cases).extracting(EvalCase::id)
        .containsExactly("komentarze-offensive-1", "komentarze-criticism-1", "komentarze-harsh-criticism-1");
  }

  @Test
  void kinitNegativeSentencesAgainstNeutralAndPositiveStressOnlyOnRequest() throws Exception {
    for (var domain : EmotionDatasets.KINIT_DOMAINS) {
      Files.writeString(dir.resolve("kinit_golden_" + domain + ".csv"), "\"Hrozné, už nikdy.\",-1\nJe to ok.,0\n");
    }
    Files.writeString(dir.resolve("kinit_golden_stress.csv"), "a preto mám rád knihy,1\n");
    assertThat(EmotionDatasets.kinit(dir, dir.resolve("out"), false))
        .contains("12 cases {handover/anger=6, no_handover=6}");
    var cases = EvalCase.read(dir.resolve("out/cases.jsonl"));
    assertThat(cases.get(0).id()).isEqualTo("kinit-accomodation-1");
    assertThat(cases).extracting(EvalCase::language).containsOnly("sk");
    assertThat(EmotionDatasets.kinit(dir, dir.resolve("stress"), true)).contains("13 cases");

    Files.writeString(dir.resolve("kinit_golden_books.csv"), "Kniha,2\n");
    assertThatThrownBy(() -> EmotionDatasets.kinit(dir, dir.resolve("bad"), false))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kinit_golden_books.csv: row 1");
  }
}
