package io.deskbridge.app.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Converters of the Slavic emotion- and sentiment-labelled sets in {@code ../shared/datasets/} into cases for the
 * anger signal ({@code handover}/{@code anger} and {@code no_handover}), with an empty knowledge base: they test the
 * signal, not retrieval. The label mappings follow the sets' READMEs; see docs/quality.md, "Signals in five
 * languages". Stateless.
 */
public final class EmotionDatasets {

  private EmotionDatasets() {}

  static final String CLARIN_IN = "train/in.tsv";
  static final String CLARIN_EXPECTED = "train/expected.tsv";
  static final String KOMENTARZE_FILE = "komentarze.csv";

  /** Komentarze classes that are hostile (README's binary mapping): anger. */
  static final Set<String> KOMENTARZE_HOSTILE = Set.of("punishable_threat", "offensive", "malicious_snide",
      "harsh_criticism");
  /** Komentarze classes that must not hand over. */
  static final Set<String> KOMENTARZE_CALM = Set.of("criticism", "other");

  /** KInIT's six review domains; the synthetic {@code stress} set only on request. */
  static final List<String> KINIT_DOMAINS = List.of("accomodation", "books", "cars", "games", "mobiles", "movies");

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * CLARIN-Emo (Polish): {@code handover}/{@code anger} for a text labelled Anger, {@code no_handover} for one
   * labelled neither Anger, Disgust nor Negative (calm or positive text); texts that are negative without anger are
   * left out (neither class). {@code reviews}: whole reviews (the {@code #} rows' labels, the text being the
   * review's sentences joined) instead of sentences.
   *
   * @param in the data set's folder (holding {@value #CLARIN_IN} and {@value #CLARIN_EXPECTED})
   * @return a one-line summary
   * @throws IllegalArgumentException when the files do not line up or a label row is malformed
   */
  public static String clarinEmo(Path in, Path out, boolean reviews) {
    var texts = lines(in.resolve(CLARIN_IN));
    var labels = lines(in.resolve(CLARIN_EXPECTED));
    if (texts.size() != labels.size() || texts.isEmpty()) {
      throw new IllegalArgumentException(in + ": " + CLARIN_IN + " has " + texts.size() + " lines, "
          + CLARIN_EXPECTED + " " + labels.size() + "; they must line up");
    }
    var header = List.of(labels.get(0).split("\t"));
    int anger = header.indexOf("Anger");
    int disgust = header.indexOf("Disgust");
    int negative = header.indexOf("Negative");
    if (anger < 0 || disgust < 0 || negative < 0) {
      throw new IllegalArgumentException(in.resolve(CLARIN_EXPECTED) + ": header must name Anger, Disgust and "
          + "Negative; found " + header);
    }
    var cases = new ArrayList<ObjectNode>();
    var review = new StringBuilder();
    for (int i = 1; i < texts.size(); i++) {
      var text = texts.get(i).strip();
      var row = labels.get(i).split("\t");
      if (row.length != header.size()) {
        throw new IllegalArgumentException(in.resolve(CLARIN_EXPECTED) + ":" + (i + 1) + ": expected "
            + header.size() + " labels, found " + row.length);
      }
      boolean isReview = text.matches("#+");
      String caseText;
      if (isReview) {
        caseText = review.toString().strip();
        review.setLength(0);
      } else {
        review.append(text).append(' ');
        caseText = text;
      }
      if (isReview != reviews || caseText.isEmpty()) {
        continue;
      }
      boolean angry = row[anger].equals("True");
      boolean calm = !angry && !row[disgust].equals("True") && !row[negative].equals("True");
      if (angry || calm) {
        cases.add(evalCase("clarin-" + (reviews ? "r" : "s") + "-" + (i + 1), caseText, "pl", angry));
      }
    }
    return write(out, cases);
  }

  /**
   * Komentarze (Polish news comments): {@code handover}/{@code anger} for the hostile classes ({@link
   * #KOMENTARZE_HOSTILE}), {@code no_handover} for {@code criticism} and {@code other}; each distinct text once, and
   * texts labelled both hostile and calm left out. Case ids carry the class ({@code komentarze-criticism-12}).
   *
   * @param in {@value #KOMENTARZE_FILE} or its folder
   */
  public static String komentarze(Path in, Path out) {
    var file = Files.isDirectory(in) ? in.resolve(KOMENTARZE_FILE) : in;
    var rows = Csv.read(file);
    if (rows.isEmpty() || !rows.get(0).containsKey("label") || !rows.get(0).containsKey("text")) {
      throw new IllegalArgumentException(file + ": expected the columns 'label' and 'text'");
    }
    var hostile = new HashMap<String, Boolean>();
    var classOf = new LinkedHashMap<String, String>();
    for (var row : rows) {
      var label = row.get("label").strip();
      var text = row.get("text").strip();
      if (text.isEmpty() || !(KOMENTARZE_HOSTILE.contains(label) || KOMENTARZE_CALM.contains(label))) {
        continue;
      }
      boolean h = KOMENTARZE_HOSTILE.contains(label);
      var before = hostile.putIfAbsent(text, h);
      if (before == null) {
        classOf.put(text, label);
      } else if (before != h) {
        classOf.put(text, null); // contradictory labels: left out
      }
    }
    var cases = new ArrayList<ObjectNode>();
    var counters = new HashMap<String, Integer>();
    classOf.forEach((text, label) -> {
      if (label != null) {
        int n = counters.merge(label, 1, Integer::sum);
        cases.add(evalCase("komentarze-" + label.replace('_', '-') + "-" + n, text, "pl",
            KOMENTARZE_HOSTILE.contains(label)));
      }
    });
    return write(out, cases);
  }

  /**
   * KInIT Slovak review sentences: {@code handover}/{@code anger} for label {@code -1} (negative; the set has no
   * anger label, so this measures "strongly negative" loosely: mild criticism is {@code -1} too), {@code no_handover}
   * for {@code 0} and {@code 1}. The six review domains, plus the synthetic {@code stress} set when asked.
   *
   * @param in the folder holding {@code kinit_golden_<domain>.csv} (no header row: text, label)
   */
  public static String kinit(Path in, Path out, boolean stress) {
    var cases = new ArrayList<ObjectNode>();
    var domains = stress ? Stream.concat(KINIT_DOMAINS.stream(), Stream.of("stress")).toList() : KINIT_DOMAINS;
    for (var domain : domains) {
      var file = in.resolve("kinit_golden_" + domain + ".csv");
      String content;
      try {
        content = Files.readString(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file, e);
      }
      var records = Csv.parse(content.startsWith("\uFEFF") ? content.substring(1) : content);
      for (int i = 0; i < records.size(); i++) {
        var record = records.get(i);
        if (record.size() < 2 || !Set.of("-1", "0", "1").contains(record.get(1).strip())) {
          throw new IllegalArgumentException(file + ": row " + (i + 1) + ": expected text and a label -1, 0 or 1");
        }
        if (!record.get(0).isBlank()) {
          cases.add(evalCase("kinit-" + domain + "-" + (i + 1), record.get(0), "sk", record.get(1).strip().equals("-1")));
        }
      }
    }
    return write(out, cases);
  }

  private static ObjectNode evalCase(String id, String text, String language, boolean angry) {
    var c = JSON.createObjectNode();
    c.put("id", id);
    c.put("text", text.strip());
    c.put("language", language);
    c.put("expect", angry ? "handover" : "no_handover");
    if (angry) {
      c.put("reason", "anger");
    }
    return c;
  }

  private static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private static String write(Path out, List<ObjectNode> cases) {
    var lines = new ArrayList<String>();
    var counts = new TreeMap<String, Integer>();
    try {
      for (var c : cases) {
        lines.add(JSON.writeValueAsString(c));
        counts.merge(c.get("expect").asText() + (c.has("reason") ? "/" + c.get("reason").asText() : ""), 1,
            Integer::sum);
      }
      Files.createDirectories(out);
      Files.write(out.resolve("kb.jsonl"), List.of(), StandardCharsets.UTF_8);
      Files.write(out.resolve("cases.jsonl"), lines, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write to " + out, e);
    }
    return String.format(Locale.ROOT, "wrote %s: 0 articles and %d cases %s", out, cases.size(), counts);
  }
}
