package io.deskbridge.core.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.deskbridge.core.knowledge.Article;
import io.deskbridge.core.knowledge.KnowledgeBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CalibrationTest {

  @Test
  void logisticRegressionRecoversTheWeightsThatGeneratedTheData() {
    var random = new Random(7);
    double[] truth = {-1.0, 2.5, -4.0};
    var x = new ArrayList<double[]>();
    var y = new ArrayList<Boolean>();
    for (int i = 0; i < 20_000; i++) {
      double[] xi = {1, random.nextGaussian(), random.nextGaussian()};
      double p = io.deskbridge.core.escalation.LogisticRegression.sigmoid(truth[0] + truth[1] * xi[1] + truth[2] * xi[2]);
      x.add(xi);
      y.add(random.nextDouble() < p);
    }

    var w = Calibration.logistic(x, y);

    // the small L2 penalty shrinks the weights by a few percent
    assertThat(w[0]).isCloseTo(truth[0], within(0.15));
    assertThat(w[1]).isCloseTo(truth[1], within(0.3));
    assertThat(w[2]).isCloseTo(truth[2], within(0.45));
    assertThat(Math.abs(w[1])).isLessThan(Math.abs(truth[1]) + 0.05);
  }

  @Test
  void weightingAnExampleTwiceFitsAsRepeatingIt() {
    var random = new Random(11);
    var x = new ArrayList<double[]>();
    var y = new ArrayList<Boolean>();
    var repeated = new ArrayList<double[]>();
    var repeatedY = new ArrayList<Boolean>();
    var weights = new double[300];
    for (int i = 0; i < weights.length; i++) {
      double[] xi = {1, random.nextGaussian(), random.nextGaussian()};
      boolean yi = random.nextDouble() < io.deskbridge.core.escalation.LogisticRegression.sigmoid(xi[1] - xi[2]);
      weights[i] = i % 3 == 0 ? 2 : 1;
      x.add(xi);
      y.add(yi);
      for (int r = 0; r < weights[i]; r++) {
        repeated.add(xi);
        repeatedY.add(yi);
      }
    }

    assertThat(Calibration.logistic(x, y, weights)).containsExactly(Calibration.logistic(repeated, repeatedY),
        within(1e-6));
    assertThat(Calibration.logistic(x, y, weights)).isNotEqualTo(Calibration.logistic(x, y));
  }

  @Test
  void aLabelledFitGivesTheUncoveredMessagesTheAdminsShare() {
    var retriever = new Retriever(SharedModel.demoKb(), SharedModel.model(), null);
    var labelled = new ArrayList<CalibrationCase>();
    var rows = new ArrayList<double[]>();
    var rights = new ArrayList<Boolean>();
    var offTopic = List.of("who won the football match yesterday", "what is the capital of Peru",
        "tell me a joke about cats", "how tall is Mount Everest", "recommend a good pizza recipe");
    for (int i = 0; i < retriever.size() && labelled.size() < 20; i++) {
      if (retriever.isQuestion(i)) {
        // a paraphrase: its text with a prefix, so that not every search is an exact hit
        var text = "please help: " + retriever.text(i);
        labelled.add(new CalibrationCase("q" + i, text, retriever.articleId(i)));
        var hits = retriever.search(text, retriever.embed(text), 2);
        rows.add(Calibration.features(hits));
        rights.add(hits.get(0).articleId().equals(retriever.articleId(i)));
      }
    }
    var repeatedRows = new ArrayList<>(rows);
    var repeatedRights = new ArrayList<>(rights);
    for (int j = 0; j < offTopic.size(); j++) {
      labelled.add(new CalibrationCase("oos" + j, offTopic.get(j), ""));
      var hits = retriever.search(offTopic.get(j), retriever.embed(offTopic.get(j)), 2);
      // at a share of 0.5, five uncovered messages weigh as much as the 20 answerable ones: 4 each
      for (int r = 0; r < 4; r++) {
        repeatedRows.add(Calibration.features(hits));
        repeatedRights.add(false);
      }
    }

    var fitted = Calibration.fit(retriever, 0.5, labelled);

    assertThat(rights).contains(true);
    assertThat(fitted.questions()).isEqualTo(25);
    assertThat(fitted.weights()).containsExactly(Calibration.logistic(repeatedRows, repeatedRights), within(1e-6));
    var text = "what's the weather like in Brno";
    var hits = retriever.search(text, retriever.embed(text), 5);
    assertThat(Calibration.fit(retriever, 0.5, labelled).confidence(hits))
        .isLessThan(Calibration.fit(retriever, 0.1, labelled).confidence(hits));
  }

  @Test
  void aLabelledFitWithoutUncoveredMessagesLeavesArticlesOutInstead() {
    var retriever = new Retriever(SharedModel.demoKb(), SharedModel.model(), null);
    var labelled = new ArrayList<CalibrationCase>();
    for (int i = 0; i < retriever.size(); i++) {
      if (retriever.isQuestion(i)) {
        labelled.add(new CalibrationCase("q" + i, retriever.text(i), retriever.articleId(i)));
      }
    }

    var fitted = Calibration.fit(retriever, 0.2, labelled);

    assertThat(fitted.questions()).isEqualTo(labelled.size() + Math.round(labelled.size() * 0.25));
    assertThat(Calibration.fit(retriever, 0, labelled)).as("every one right, nothing to fit: the sample questions' fit")
        .isEqualTo(Calibration.fit(retriever, 0));
  }

  @Test
  void aFallBackIsNotKeptUnderTheLabelledKey(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    var retriever = new Retriever(SharedModel.demoKb(), SharedModel.model(), null);
    var labelled = new ArrayList<CalibrationCase>();
    for (int i = 0; i < retriever.size(); i++) {
      if (retriever.isQuestion(i)) {
        labelled.add(new CalibrationCase("q" + i, retriever.text(i), retriever.articleId(i)));
      }
    }

    var fallBack = Calibration.fit(retriever, 0, labelled, dir);

    assertThat(fallBack).isEqualTo(Calibration.fit(retriever, 0));
    try (var files = java.nio.file.Files.list(dir)) {
      assertThat(files).as("only the sample questions' fit is kept").hasSize(1);
    }
  }

  @Test
  void aLabelledFitRejectsUnknownArticlesAndTooFewMessages() {
    var retriever = new Retriever(SharedModel.demoKb(), SharedModel.model(), null);

    assertThatThrownBy(() -> Calibration.fit(retriever, 0.2,
        List.of(new CalibrationCase("c7", "where is my parcel", "no-such-article"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("c7").hasMessageContaining("no-such-article");
    assertThatThrownBy(() -> Calibration.fit(retriever, 0.2,
        List.of(new CalibrationCase("c1", "where is my parcel", "delivery"), new CalibrationCase("c2", "hi", ""))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 answerable");
  }

  @Test
  void isFittedOnTheDemoKnowledgeBaseAndRanksBetterHitsHigher() {
    var retriever = new Retriever(SharedModel.demoKb(), SharedModel.model(), null);
    var calibration = Calibration.fit(retriever);

    assertThat(calibration.questions()).isGreaterThan(100);
    var close = List.of(new Retriever.Hit("a", "en", 1.3, 0.9, 0.8, 0.9, 1, 0.8, 0.7),
        new Retriever.Hit("b", "en", 0.6, 0.5, 0, 0.1, 1, 0.4, 0.7));
    var vague = List.of(new Retriever.Hit("a", "en", 0.5, 0.45, 0.1, 0.4, 0.5, 0.35, 0.7),
        new Retriever.Hit("b", "en", 0.45, 0.4, 0, 0.3, 0.5, 0.3, 0.7));
    assertThat(calibration.confidence(close)).isGreaterThan(0.9);
    assertThat(calibration.confidence(vague)).isLessThan(0.5);
    assertThat(calibration.confidence(List.of())).isZero();
  }

  @Test
  void theDefaultForSmallKnowledgeBasesStillAgreesWithTheDemoFit() {
    var retriever = new Retriever(SharedModel.demoKb(), SharedModel.model(), null);
    var fitted = Calibration.fit(retriever);
    var differences = new ArrayList<Double>();
    for (var text : List.of("I forgot my password", "Where is my parcel?", "Kde najdu fakturu?", "what's the weather",
        "Can I pay by card?", "Jak zwrócić buty?")) {
      var hits = retriever.search(text, retriever.embed(text), 5);
      differences.add(Math.abs(fitted.confidence(hits) - Calibration.DEFAULT.confidence(hits)));
    }

    assertThat(differences).allMatch(d -> d < 0.15, "within 0.15 of the demo fit");
  }

  @Test
  void aFitIsKeptPerKnowledgeBaseAndShareAndReadBackOnRestart(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    var retriever = new Retriever(SharedModel.demoKb(), SharedModel.model(), null);

    var first = Calibration.fit(retriever, 0.2, dir);
    var again = Calibration.fit(retriever, 0.2, dir);
    var otherShare = Calibration.fit(retriever, 0.1, dir);

    assertThat(again).isEqualTo(first).isEqualTo(Calibration.fit(retriever, 0.2));
    assertThat(otherShare).isNotEqualTo(first);
    var labelled = new ArrayList<CalibrationCase>();
    for (int i = 0; i < retriever.size(); i++) {
      if (retriever.isQuestion(i)) {
        labelled.add(new CalibrationCase("q" + i, retriever.text(i), retriever.articleId(i)));
      }
    }
    var fromLabels = Calibration.fit(retriever, 0.2, labelled, dir);
    assertThat(Calibration.fit(retriever, 0.2, labelled, dir)).isEqualTo(fromLabels).isNotEqualTo(first);
    var relabelled = new ArrayList<>(labelled);
    relabelled.set(0, new CalibrationCase("q0", labelled.get(0).text(), "opening-hours"));
    var fromOtherLabels = Calibration.fit(retriever, 0.2, relabelled, dir);
    assertThat(fromOtherLabels).isEqualTo(Calibration.fit(retriever, 0.2, relabelled)).isNotEqualTo(fromLabels);
    try (var files = java.nio.file.Files.list(dir)) {
      assertThat(files.map(f -> f.getFileName().toString())).hasSize(4).allMatch(n -> n.startsWith("calibration-"));
    }
  }

  @Test
  void aKnowledgeBaseWithTooFewQuestionsGetsTheDefault() {
    var kb = KnowledgeBase.of(List.of(
        new Article("a", "en", "Reset your password", "Click the link.", "", List.of("forgot password"), "", List.of()),
        new Article("b", "en", "Opening hours", "Mon to Fri.", "", List.of("when are you open"), "", List.of())));

    assertThat(Calibration.fit(new Retriever(kb, SharedModel.model(), null))).isEqualTo(Calibration.DEFAULT);
  }
}
