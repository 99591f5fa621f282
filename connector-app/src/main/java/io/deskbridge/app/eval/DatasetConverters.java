package io.deskbridge.app.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Turns public data sets into a knowledge base ({@code kb.jsonl}, the {@code KnowledgeLoader} JSONL format) and
 * evaluation cases ({@code cases.jsonl}, see {@link EvalCase}) in an output folder. The data is read from wherever
 * it lies and never copied anywhere else; the output holds derived files for local use (do not commit them: they
 * carry the data sets' licences). Every split is seeded, so the same input and seed give the same files.
 * Stateless; each method throws {@link IllegalArgumentException} when the input is not in the expected format and
 * {@link UncheckedIOException} when a file cannot be read or written.
 */
public final class DatasetConverters {

  /** The Bitext file name looked for when {@code --in} is a folder. */
  static final String BITEXT_FILE = "Bitext_Sample_Customer_Support_Training_Dataset.csv";
  static final String CLINC_FILE = "data_full.json";
  static final String ISARCASM_FILE = "task_A_En_test.csv";

  /**
   * The Bitext intents that a person must handle, with the handover reason: an explicit request for a person,
   * a complaint, and the customer ending something (an order, an account). {@code contact_customer_service}
   * (opening hours, contact details), {@code check_cancellation_fee} (a fee) and {@code newsletter_subscription}
   * (subscribing and unsubscribing) are questions the knowledge base answers.
   */
  static final Map<String, String> BITEXT_HANDOVERS = Map.of(
      "contact_human_agent", "human_request",
      "complaint", "complaint",
      "cancel_order", "cancellation",
      "delete_account", "cancellation");

  private static final ObjectMapper JSON = new ObjectMapper();

  private DatasetConverters() {}

  /** Bitext with cases from the held-out share; see {@link #bitext(Path, Path, long, int, double, boolean)}. */
  public static String bitext(Path in, Path out, long seed, int limitPerIntent, double heldOut) {
    return bitext(in, out, seed, limitPerIntent, heldOut, false);
  }

  /**
   * Bitext customer support ({@value #BITEXT_FILE}): split each intent's rows at random (seeded) into a training
   * part and a held-out share. Every intent not in {@link #BITEXT_HANDOVERS} becomes one article: id = intent,
   * title = the intent in words, group = the category in words, questions = its training utterances (at most
   * {@code limitPerIntent} when positive), body = the training response of median length, with Bitext's
   * placeholders such as {@code {{Order Number}}} kept. The held-out rows become cases: {@code answer} with the
   * intent's article, or {@code handover} with the intent's reason.
   *
   * <p>With {@code casesFromTrain} the training rows become the cases instead (the knowledge base is the same):
   * for developing rules such as the escalation signals without looking at the held-out cases. Their answer
   * cases are the articles' own sample questions, so only the handover figures mean anything then.
   *
   * @param in             the CSV file, or the folder holding it
   * @param heldOut        the share of each intent's rows held out as cases, in (0, 1)
   * @param casesFromTrain take the cases from the training rows rather than the held-out ones
   * @return a one-line summary of what was written
   */
  public static String bitext(Path in, Path out, long seed, int limitPerIntent, double heldOut,
      boolean casesFromTrain) {
    if (!(heldOut > 0 && heldOut < 1)) {
      throw new IllegalArgumentException("held-out share must be in (0, 1), got " + heldOut);
    }
    var rows = Csv.read(file(in, BITEXT_FILE));
    requireColumns(rows, in, "instruction", "intent", "category", "response");
    var byIntent = new TreeMap<String, List<Integer>>();
    for (int i = 0; i < rows.size(); i++) {
      byIntent.computeIfAbsent(rows.get(i).get("intent").strip(), k -> new ArrayList<>()).add(i);
    }
    var random = new Random(seed);
    var articles = new ArrayList<ObjectNode>();
    var caseRows = new ArrayList<Integer>();
    byIntent.forEach((intent, indices) -> {
      var shuffled = new ArrayList<>(indices);
      Collections.shuffle(shuffled, random);
      int test = (int) Math.round(indices.size() * heldOut);
      var train = shuffled.subList(test, shuffled.size());
      caseRows.addAll(casesFromTrain ? train : shuffled.subList(0, test));
      if (BITEXT_HANDOVERS.containsKey(intent) || train.isEmpty()) {
        return;
      }
      var byLength = train.stream()
          .sorted(Comparator.comparingInt((Integer i) -> rows.get(i).get("response").length()).thenComparing(i -> i))
          .toList();
      var category = rows.get(train.get(0)).get("category");
      var questions = train.stream().map(i -> rows.get(i).get("instruction")).toList();
      articles.add(article(intent, humanize(intent), rows.get(byLength.get(byLength.size() / 2)).get("response"),
          limit(questions, limitPerIntent), humanize(category), category.toLowerCase(Locale.ROOT)));
    });
    Collections.sort(caseRows);
    var articleIds = articles.stream().map(a -> a.get("id").asText()).toList();
    var cases = new ArrayList<ObjectNode>();
    for (int i : caseRows) {
      var row = rows.get(i);
      var intent = row.get("intent").strip();
      var reason = BITEXT_HANDOVERS.get(intent);
      if (reason == null && !articleIds.contains(intent)) {
        continue; // an intent too small to have training rows
      }
      cases.add(reason != null ? evalCase("bitext-" + (i + 1), row.get("instruction"), "handover", null, reason)
          : evalCase("bitext-" + (i + 1), row.get("instruction"), "answer", intent, null));
    }
    return write(out, articles, cases);
  }

  /**
   * CLINC150 ({@value #CLINC_FILE}): one article per intent of {@code train} (title and body = the intent in words,
   * as the set has no answers; questions = its training queries, a seeded sample of {@code limitPerIntent} when
   * positive); cases = the in-scope queries of {@code split} as {@code answer} with their intent's article, and
   * {@code oos_<split>} as {@code no_answer}. For the {@code test} split it also writes {@code calibration.jsonl},
   * labelled messages for the bot's confidence ({@code eval --calibration}) that the test never sees: the in-scope
   * {@code val} queries as {@code answer} and {@code oos_val} plus {@code oos_train} as {@code no_answer}, standing
   * for the traffic an admin would label.
   *
   * @param split {@code test} or {@code val}
   */
  public static String clinc150(Path in, Path out, long seed, int limitPerIntent, String split) {
    return clinc150(in, out, seed, limitPerIntent, split, 1);
  }

  /**
   * As {@link #clinc150(Path, Path, long, int, String)}, with each intent's questions dealt round-robin into {@code
   * parts} articles ({@code intent}, {@code intent~2}, …): a knowledge base with many articles for measuring time
   * and memory at scale. With more than one part the cases still name the first part, so answered precision means
   * nothing then.
   */
  public static String clinc150(Path in, Path out, long seed, int limitPerIntent, String split, int parts) {
    if (parts < 1) {
      throw new IllegalArgumentException("parts must be at least 1, got " + parts);
    }
    if (!split.equals("test") && !split.equals("val")) {
      throw new IllegalArgumentException("split must be test or val, got '" + split + "'");
    }
    var file = file(in, CLINC_FILE);
    JsonNode root;
    try {
      root = JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    boolean calibration = split.equals("test") && parts == 1;
    for (var key : calibration ? List.of("train", split, "oos_" + split, "val", "oos_val", "oos_train")
        : List.of("train", split, "oos_" + split)) {
      if (!root.path(key).isArray()) {
        throw new IllegalArgumentException(file + ": no split '" + key + "' (expected the oos-eval data_full.json)");
      }
    }
    var byIntent = new LinkedHashMap<String, List<String>>();
    root.get("train").forEach(pair -> {
      if (!pair.get(1).asText().equals("oos")) {
        byIntent.computeIfAbsent(pair.get(1).asText(), k -> new ArrayList<>()).add(pair.get(0).asText());
      }
    });
    var random = new Random(seed);
    var articles = new ArrayList<ObjectNode>();
    byIntent.forEach((intent, queries) -> {
      var questions = new ArrayList<>(queries);
      if (limitPerIntent > 0 && questions.size() > limitPerIntent) {
        Collections.shuffle(questions, random);
      }
      var kept = limit(questions, limitPerIntent);
      for (int part = 1; part <= parts; part++) {
        var mine = new ArrayList<String>();
        for (int q = part - 1; q < kept.size(); q += parts) {
          mine.add(kept.get(q));
        }
        articles.add(article(part == 1 ? intent : intent + "~" + part,
            humanize(intent) + (parts == 1 ? "" : " (part " + part + ")"), humanize(intent) + ".", mine, null, null));
      }
    });
    var cases = new ArrayList<ObjectNode>();
    int n = 0;
    for (var pair : root.get(split)) {
      var intent = pair.get(1).asText();
      if (!byIntent.containsKey(intent)) {
        throw new IllegalArgumentException(file + ": intent '" + intent + "' of " + split + " is not in train");
      }
      cases.add(evalCase(String.format(Locale.ROOT, "clinc-%s-%04d", split, ++n), pair.get(0).asText(), "answer",
          intent, null));
    }
    n = 0;
    for (var pair : root.get("oos_" + split)) {
      cases.add(evalCase(String.format(Locale.ROOT, "clinc-oos_%s-%04d", split, ++n), pair.get(0).asText(),
          "no_answer", null, null));
    }
    var written = write(out, articles, cases);
    if (!calibration) {
      return written;
    }
    var labelled = new ArrayList<ObjectNode>();
    for (var key : List.of("val", "oos_val", "oos_train")) {
      n = 0;
      for (var pair : root.get(key)) {
        var intent = pair.get(1).asText();
        boolean inScope = !intent.equals("oos");
        if (inScope && !byIntent.containsKey(intent)) {
          throw new IllegalArgumentException(file + ": intent '" + intent + "' of " + key + " is not in train");
        }
        labelled.add(evalCase(String.format(Locale.ROOT, "clinc-%s-%04d", key, ++n), pair.get(0).asText(),
            inScope ? "answer" : "no_answer", inScope ? intent : null, null));
      }
    }
    writeLines(out.resolve("calibration.jsonl"), labelled);
    return written + String.format(Locale.ROOT, "; %d labelled messages for calibration (val, oos_val, oos_train)",
        labelled.size());
  }

  /**
   * iSarcasmEval, English ({@value #ISARCASM_FILE} with columns {@code text, sarcastic}, or {@code train.En.csv}
   * with {@code tweet, sarcastic}): a sarcastic text is a {@code handover} case with reason {@code sarcasm}, any
   * other a {@code no_handover} case, so that the evaluation reports precision, recall and F1 of the sarcasm
   * signal. Blank texts are skipped; with {@code limitPerIntent} positive, a seeded sample of at most that many
   * texts per label is kept, in file order. The knowledge base is written empty: these cases test the signal,
   * not retrieval.
   */
  public static String isarcasm(Path in, Path out, long seed, int limitPerIntent) {
    var file = file(in, ISARCASM_FILE);
    var rows = Csv.read(file);
    var textColumn = !rows.isEmpty() && rows.get(0).containsKey("tweet") ? "tweet" : "text";
    requireColumns(rows, file, textColumn, "sarcastic");
    var byLabel = new TreeMap<String, List<Integer>>();
    for (int i = 0; i < rows.size(); i++) {
      var label = rows.get(i).get("sarcastic").strip();
      if (!label.equals("0") && !label.equals("1")) {
        throw new IllegalArgumentException(file + ": row " + (i + 2) + ": 'sarcastic' must be 0 or 1, got '" + label
            + "'");
      }
      if (!rows.get(i).get(textColumn).isBlank()) {
        byLabel.computeIfAbsent(label, k -> new ArrayList<>()).add(i);
      }
    }
    var random = new Random(seed);
    var kept = new ArrayList<Integer>();
    byLabel.values().forEach(indices -> {
      var list = new ArrayList<>(indices);
      if (limitPerIntent > 0 && list.size() > limitPerIntent) {
        Collections.shuffle(list, random);
      }
      kept.addAll(limit(list, limitPerIntent));
    });
    Collections.sort(kept);
    var stem = file.getFileName().toString().replaceFirst("\\.csv$", "");
    var cases = new ArrayList<ObjectNode>();
    for (int i : kept) {
      var row = rows.get(i);
      boolean sarcastic = row.get("sarcastic").strip().equals("1");
      cases.add(evalCase("isarcasm-" + stem + "-" + (i + 1), row.get(textColumn),
          sarcastic ? "handover" : "no_handover", null, sarcastic ? "sarcasm" : null));
    }
    return write(out, List.of(), cases);
  }

  /** "track_order" → "Track order", "SHIPPING_ADDRESS" → "Shipping address". */
  static String humanize(String code) {
    var words = code.strip().replace('_', ' ').toLowerCase(Locale.ROOT);
    return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  private static Path file(Path in, String defaultName) {
    return Files.isDirectory(in) ? in.resolve(defaultName) : in;
  }

  private static void requireColumns(List<Map<String, String>> rows, Path in, String... columns) {
    if (rows.isEmpty()) {
      throw new IllegalArgumentException(in + ": no data rows");
    }
    for (var c : columns) {
      if (!rows.get(0).containsKey(c)) {
        throw new IllegalArgumentException(in + ": no column '" + c + "'; found " + rows.get(0).keySet());
      }
    }
  }

  private static <T> List<T> limit(List<T> values, int limit) {
    var distinct = new ArrayList<>(new LinkedHashSet<>(values));
    return limit > 0 && distinct.size() > limit ? distinct.subList(0, limit) : distinct;
  }

  private static ObjectNode article(String id, String title, String body, List<String> questions, String group,
      String tag) {
    var a = JSON.createObjectNode();
    a.put("id", id);
    a.put("locale", "en");
    a.put("title", title);
    if (group != null) {
      a.put("group", group);
    }
    questions.stream().map(String::strip).filter(q -> !q.isEmpty()).forEach(a.putArray("questions")::add);
    if (tag != null) {
      a.putArray("tags").add(tag);
    }
    a.put("body", body.strip());
    return a;
  }

  private static ObjectNode evalCase(String id, String text, String expect, String article, String reason) {
    var c = JSON.createObjectNode();
    c.put("id", id);
    c.put("text", text.strip());
    c.put("language", "en");
    c.put("expect", expect);
    if (article != null) {
      c.put("article", article);
    }
    if (reason != null) {
      c.put("reason", reason);
    }
    return c;
  }

  private static String write(Path out, List<ObjectNode> articles, List<ObjectNode> cases) {
    try {
      Files.createDirectories(out);
      Files.write(out.resolve("kb.jsonl"), lines(articles), StandardCharsets.UTF_8);
      Files.write(out.resolve("cases.jsonl"), lines(cases), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write to " + out, e);
    }
    var byExpect = new TreeMap<String, Integer>();
    cases.forEach(c -> byExpect.merge(c.get("expect").asText()
        + (c.has("reason") ? "/" + c.get("reason").asText() : ""), 1, Integer::sum));
    return String.format(Locale.ROOT, "wrote %s: %d articles (%d sample questions) and %d cases %s",
        out, articles.size(), articles.stream().mapToInt(a -> a.path("questions").size()).sum(), cases.size(),
        byExpect);
  }

  private static void writeLines(Path file, List<ObjectNode> nodes) {
    try {
      Files.write(file, lines(nodes), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  private static List<String> lines(List<ObjectNode> nodes) throws IOException {
    var lines = new ArrayList<String>();
    for (var n : nodes) {
      lines.add(JSON.writeValueAsString(n));
    }
    return lines;
  }
}
