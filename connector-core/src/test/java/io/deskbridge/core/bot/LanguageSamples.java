package io.deskbridge.core.bot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The labelled short messages in {@code language/short-texts.tsv} and an accuracy report of a detector over them:
 * overall, per language, per language on the messages typed without diacritics, a confusion matrix, and the mean
 * time per message.
 */
final class LanguageSamples {

  private LanguageSamples() {}

  /** One labelled message; {@code source} is "written" or "demo-kb". */
  record Sample(String language, String source, String text) {

    /** True when the text has no letter outside ASCII: typed without diacritics (all of English). */
    boolean plain() {
      return text.chars().noneMatch(c -> c > 127 && Character.isLetter(c));
    }
  }

  static List<Sample> load() {
    try (InputStream in = LanguageSamples.class.getResourceAsStream("/language/short-texts.tsv")) {
      if (in == null) {
        throw new IllegalStateException("language/short-texts.tsv is not on the class path");
      }
      var samples = new ArrayList<Sample>();
      boolean header = true;
      for (var line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        if (header) {
          header = false;
          continue;
        }
        var columns = line.split("\t", -1);
        if (columns.length != 3) {
          throw new IllegalStateException("not three tab-separated columns: " + line);
        }
        samples.add(new Sample(columns[0], columns[1], columns[2]));
      }
      return List.copyOf(samples);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Accuracy of one detector; {@code none} in the confusion matrix counts an empty guess. */
  record Report(String name, Map<String, int[]> all, Map<String, int[]> plain,
      Map<String, Map<String, Integer>> confusion, List<String> errors, double microsPerMessage) {

    /** Correct share of the language's messages (or of all messages for {@code "all"}), 0..1. */
    double accuracy(String language) {
      return share(all, language);
    }

    /** The same on the messages typed without diacritics only. */
    double plainAccuracy(String language) {
      return share(plain, language);
    }

    int count(String language) {
      return all.getOrDefault(language, new int[2])[1];
    }

    int plainCount(String language) {
      return plain.getOrDefault(language, new int[2])[1];
    }

    private static double share(Map<String, int[]> counts, String language) {
      var c = counts.get(language);
      return c == null || c[1] == 0 ? Double.NaN : (double) c[0] / c[1];
    }

    /** A readable table: accuracy per language with and without diacritics, the confusion matrix, the errors. */
    String table() {
      var sb = new StringBuilder();
      sb.append(String.format(Locale.ROOT, "%s  (%.1f µs per message)%n", name, microsPerMessage));
      sb.append(String.format(Locale.ROOT, "  %-14s %18s %18s%n", "", "accuracy (n)", "no diacritics (n)"));
      for (var language : keys()) {
        sb.append(String.format(Locale.ROOT, "  %-14s %11.1f %% (%3d) %11.1f %% (%3d)%n", language,
            100 * accuracy(language), count(language), 100 * plainAccuracy(language), plainCount(language)));
      }
      var predicted = new ArrayList<>(LanguageDetector.SUPPORTED);
      predicted.add("none");
      sb.append("  confusion (row: true, column: detected)\n       ");
      predicted.forEach(p -> sb.append(String.format(Locale.ROOT, "%5s", p)));
      sb.append('\n');
      confusion.forEach((truth, row) -> {
        sb.append(String.format(Locale.ROOT, "  %-5s", truth));
        predicted.forEach(p -> sb.append(String.format(Locale.ROOT, "%5d", row.getOrDefault(p, 0))));
        sb.append('\n');
      });
      errors.forEach(e -> sb.append("  ✗ ").append(e).append('\n'));
      return sb.toString();
    }

    private List<String> keys() {
      var keys = new ArrayList<>(LanguageDetector.SUPPORTED);
      keys.add("all");
      all.keySet().stream().filter(k -> k.startsWith("source ")).sorted().forEach(keys::add);
      return keys;
    }
  }

  /** Runs the detector over the samples (a warm-up round, then timed rounds) and reports its accuracy. */
  static Report measure(String name, Function<String, Optional<String>> detector, List<Sample> samples) {
    var all = new LinkedHashMap<String, int[]>();
    var plain = new LinkedHashMap<String, int[]>();
    var confusion = new TreeMap<String, Map<String, Integer>>(
        (a, b) -> Integer.compare(LanguageDetector.SUPPORTED.indexOf(a), LanguageDetector.SUPPORTED.indexOf(b)));
    var errors = new ArrayList<String>();
    for (var sample : samples) {
      var detected = detector.apply(sample.text()).orElse("none");
      boolean right = detected.equals(sample.language());
      for (var key : List.of(sample.language(), "all", "source " + sample.source())) {
        count(all, key, right);
        if (sample.plain()) {
          count(plain, key, right);
        }
      }
      confusion.computeIfAbsent(sample.language(), k -> new LinkedHashMap<>()).merge(detected, 1, Integer::sum);
      if (!right) {
        errors.add(sample.language() + "→" + detected + "  " + sample.text());
      }
    }
    int rounds = 5;
    long start = System.nanoTime();
    int sink = 0;
    for (int round = 0; round < rounds; round++) {
      for (var sample : samples) {
        sink += detector.apply(sample.text()).map(String::length).orElse(0);
      }
    }
    double micros = (System.nanoTime() - start) / 1000.0 / rounds / samples.size();
    if (sink < 0) {
      throw new AssertionError();
    }
    return new Report(name, all, plain, confusion, errors, micros);
  }

  private static void count(Map<String, int[]> counts, String key, boolean right) {
    var c = counts.computeIfAbsent(key, k -> new int[2]);
    c[0] += right ? 1 : 0;
    c[1]++;
  }
}
