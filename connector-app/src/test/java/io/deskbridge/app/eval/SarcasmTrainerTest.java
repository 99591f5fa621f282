package io.deskbridge.app.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deskbridge.core.escalation.SarcasmSignal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The trainer on synthetic embeddings: no model, no data set, a second or so. */
class SarcasmTrainerTest {

  private static final int DIMS = 16;

  /**
   * 120 groups over 16 dimensions: a sarcastic text points towards dimension 0, a plain one away from it, plus
   * noise; half of the sarcastic groups also carry a non-scored plain rephrase. All texts are the same, so the
   * lexical cues carry nothing.
   */
  private static List<SarcasmTrainer.Example> examples(long seed) {
    var random = new Random(seed);
    var examples = new ArrayList<SarcasmTrainer.Example>();
    for (int g = 0; g < 120; g++) {
      boolean sarcastic = g % 3 == 0;
      examples.add(new SarcasmTrainer.Example("a text", vector(random, sarcastic ? 1 : -1), sarcastic, g, true));
      if (sarcastic && g % 2 == 0) {
        examples.add(new SarcasmTrainer.Example("a text", vector(random, -1), false, g, false));
      }
    }
    return examples;
  }

  private static float[] vector(Random random, double direction) {
    var v = new float[DIMS];
    for (int i = 0; i < DIMS; i++) {
      v[i] = (float) random.nextGaussian();
    }
    v[0] += (float) (1.5 * direction);
    return SarcasmSignal.unitLength(v);
  }

  @Test
  void sameExamplesAndSeedGiveTheSameModelTextByteForByte() {
    var first = SarcasmTrainer.train(examples(1), List.of(), 0, 7, 4, List.of(1.0, 10.0), List.of("test"));
    var second = SarcasmTrainer.train(examples(1), List.of(), 0, 7, 4, List.of(1.0, 10.0), List.of("test"));
    assertThat(second.modelText()).isEqualTo(first.modelText());
    assertThat(second.candidates()).isEqualTo(first.candidates());
  }

  @Test
  void learnsASeparableProblemAndWritesAModelTheSignalReads() {
    var result = SarcasmTrainer.train(examples(2), List.of(), 0, 42, 5, List.of(0.1, 1.0, 10.0),
        List.of("provenance line"));
    assertThat(result.candidates()).hasSize(3).contains(result.chosen());
    assertThat(result.chosen().f1()).isGreaterThan(0.8);
    assertThat(result.chosen().averagePrecision()).isGreaterThan(0.8);
    assertThat(result.modelText()).startsWith("# provenance line\n").contains("# 5-fold cross-validation (seed 42)");

    var signal = SarcasmSignal.parse(result.modelText());
    assertThat(signal.dimensions()).isEqualTo(DIMS);
    assertThat(result.neutral()).isZero();
    assertThat(result.threshold().threshold()).as("no neutral messages, no bound")
        .isEqualTo(result.chosen().threshold());
    assertThat(signal.threshold()).isEqualTo(result.chosen().threshold(), org.assertj.core.data.Offset.offset(1e-5));
    var random = new Random(99);
    int right = 0;
    for (int i = 0; i < 100; i++) {
      boolean sarcastic = i % 2 == 0;
      double score = signal.score("a text", vector(random, sarcastic ? 1 : -1));
      right += signal.isSarcastic(score) == sarcastic ? 1 : 0;
    }
    assertThat(right).isGreaterThan(85);
  }

  @Test
  void theThresholdFlagsAtMostTheBudgetOfNeutralMessages() {
    var random = new Random(5);
    var neutral = new ArrayList<SarcasmTrainer.Example>();
    for (int i = 0; i < 200; i++) { // sincere texts that lean towards the sarcastic side
      neutral.add(new SarcasmTrainer.Example("a text", vector(random, 0.3), false, -1, false));
    }
    var free = SarcasmTrainer.train(examples(6), List.of(), 0, 42, 5, List.of(1.0), List.of());
    var bounded = SarcasmTrainer.train(examples(6), neutral, 0.01, 42, 5, List.of(1.0), List.of());
    assertThat(bounded.neutral()).isEqualTo(200);
    assertThat(bounded.neutralFlagged()).isLessThanOrEqualTo(2);
    assertThat(bounded.threshold().threshold()).isGreaterThan(free.threshold().threshold());
    assertThat(bounded.threshold().recall()).isLessThan(free.threshold().recall());
    assertThat(bounded.modelText()).contains("neutral messages (budget 0.01)");
    var signal = SarcasmSignal.parse(bounded.modelText());
    assertThat(neutral.stream().filter(e -> signal.isSarcastic(signal.score(e.text(), e.normalizedEmbedding()))))
        .hasSizeLessThanOrEqualTo(2);
    assertThatThrownBy(() -> SarcasmTrainer.train(examples(6), neutral, 1.5, 42, 5, List.of(1.0), List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("neutral budget must be in [0, 1], got 1.5");
  }

  @Test
  void aGroupNeverSpansTwoFoldsAndFoldsAreStratified() {
    var examples = examples(3);
    var folds = SarcasmTrainer.folds(examples, 5, 11);
    var foldOfGroup = new HashMap<Integer, Integer>();
    var sarcasticPerFold = new int[5];
    for (int i = 0; i < examples.size(); i++) {
      var previous = foldOfGroup.putIfAbsent(examples.get(i).group(), folds[i]);
      assertThat(previous == null || previous == folds[i]).as("group %d", examples.get(i).group()).isTrue();
      if (examples.get(i).scored() && examples.get(i).sarcastic()) {
        sarcasticPerFold[folds[i]]++;
      }
    }
    assertThat(sarcasticPerFold).containsOnly(8);
  }

  @Test
  void thresholdIsHalfWayBetweenTheBestF1CutAndTheNextScore() {
    // scores 0.9 (pos), 0.8 (pos), 0.6 (neg), 0.5 (neg), 0.4 (pos), 0.1 (neg): the best F1 flags the top two
    var candidate = SarcasmTrainer.evaluate(1, List.of(0, 1, 2, 3, 4, 5),
        new double[] {0.9, 0.8, 0.6, 0.5, 0.4, 0.1}, new int[] {1, 1, 0, 0, 1, 0}, 0);
    assertThat(candidate.f1()).isEqualTo(0.8);
    assertThat(candidate.precision()).isEqualTo(1.0);
    assertThat(candidate.threshold()).isEqualTo(0.7, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(candidate.averagePrecision()).isEqualTo((1 + 1 + 0.6) / 3, org.assertj.core.data.Offset.offset(1e-12));
    // with a minimum of 0.85 only the top text may be flagged
    var bounded = SarcasmTrainer.evaluate(1, List.of(0, 1, 2, 3, 4, 5),
        new double[] {0.9, 0.8, 0.6, 0.5, 0.4, 0.1}, new int[] {1, 1, 0, 0, 1, 0}, 0.85);
    assertThat(bounded.threshold()).isCloseTo(0.85, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(bounded.f1()).isEqualTo(0.5);
  }

  @Test
  void badInputIsRejectedWithAClearMessage() {
    var ok = examples(4);
    assertThatThrownBy(() -> SarcasmTrainer.train(List.of(), List.of(), 0, 1, 5, List.of(1.0), List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("no training examples");
    assertThatThrownBy(() -> SarcasmTrainer.train(ok, List.of(), 0, 1, 1, List.of(1.0), List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("folds must be at least 2");
    assertThatThrownBy(() -> SarcasmTrainer.train(ok, List.of(), 0, 1, 5, List.of(0.0), List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be positive");
    var plainOnly = ok.stream().filter(e -> !e.sarcastic()).toList();
    assertThatThrownBy(() -> SarcasmTrainer.train(plainOnly, List.of(), 0, 1, 5, List.of(1.0), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("need at least 5 scored sarcastic examples for 5-fold cross-validation, got 0");
    var mixed = new ArrayList<>(ok);
    mixed.add(new SarcasmTrainer.Example("x", new float[3], false, 999, true));
    assertThatThrownBy(() -> SarcasmTrainer.train(mixed, List.of(), 0, 1, 5, List.of(1.0), List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("embeddings differ in length: 16 and 3");
  }
}
