package io.deskbridge.core.knowledge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Loads articles from files. Two formats, with the same keys:
 *
 * <ul>
 *   <li><b>Markdown</b> ({@code *.md}): YAML front matter between two {@code ---} lines with the keys {@code id},
 *       {@code locale}, {@code title}, {@code url}, {@code questions} (a list), {@code group}, {@code tags} (a
 *       list) and optionally {@code approved} and {@code lookups} (a list of {@code {name, path, key}}, see
 *       {@link ArticleLookup}) with {@code answerTemplate} (see {@link Article#answerTemplate()}); the body is the text after the front matter.
 *   <li><b>JSONL</b> ({@code *.jsonl}): one JSON object per line with the same keys plus {@code body}.
 * </ul>
 *
 * <p>{@code id}, {@code locale}, {@code title} and the body are required. An article with {@code approved: false}
 * is skipped (the default is {@code true}): only approved articles are ever loaded. Unknown keys are errors. The methods are stateless and thread-safe.
 *
 * <p>Every method throws {@link IllegalArgumentException} on bad input, with the file name and line number
 * (e.g. {@code kb/returns.cs.md:1: article 'returns': 'title' is required}), and {@link UncheckedIOException}
 * when a file cannot be read.
 */
public final class KnowledgeLoader {

  private static final Logger log = LoggerFactory.getLogger(KnowledgeLoader.class);
  private static final Set<String> KEYS =
      Set.of("id", "locale", "title", "url", "questions", "group", "tags", "approved", "lookups",
          "answerTemplate");
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final ObjectMapper JSON = new ObjectMapper();

  private KnowledgeLoader() {}

  /**
   * Loads a folder (every {@code *.md} and {@code *.jsonl} file below it, recursively, in path order), or a
   * single {@code .md} or {@code .jsonl} file.
   */
  public static KnowledgeBase load(Path path) {
    var files = new ArrayList<Path>();
    if (Files.isDirectory(path)) {
      try (Stream<Path> walk = Files.walk(path)) {
        walk.filter(Files::isRegularFile).filter(p -> isArticleFile(p.toString())).sorted().forEach(files::add);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list knowledge folder " + path, e);
      }
    } else if (Files.isRegularFile(path) && isArticleFile(path.toString())) {
      files.add(path);
    } else {
      throw new IllegalArgumentException(
          "knowledge path " + path + " is neither a folder nor a .md or .jsonl file");
    }
    var loaded = new Loaded();
    for (var file : files) {
      try {
        loaded.parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file, e);
      }
    }
    return loaded.build(path.toString());
  }

  /**
   * Loads the files listed in {@code folder/index.txt} from the class path: one file name (relative to the
   * folder, {@code .md} or {@code .jsonl}) per line; blank lines and lines starting with {@code #} are ignored.
   * Class path resources cannot be listed, hence the index.
   */
  public static KnowledgeBase loadFromClasspath(ClassLoader classLoader, String folder) {
    var base = folder.endsWith("/") ? folder : folder + "/";
    var loaded = new Loaded();
    var index = base + "index.txt";
    var names = read(classLoader, index).lines().map(String::strip)
        .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    for (var name : names) {
      if (!isArticleFile(name)) {
        throw new IllegalArgumentException(index + ": '" + name + "' is not a .md or .jsonl file");
      }
      loaded.parse(base + name, read(classLoader, base + name));
    }
    return loaded.build(base);
  }

  private static boolean isArticleFile(String name) {
    return name.endsWith(".md") || name.endsWith(".jsonl");
  }

  private static String read(ClassLoader classLoader, String resource) {
    try (InputStream in = classLoader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("class path resource not found: " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read class path resource " + resource, e);
    }
  }

  /** Articles parsed so far, with where each (id, locale) was first defined. */
  private static final class Loaded {
    final List<Article> articles = new ArrayList<>();
    final Map<String, String> origins = new HashMap<>();
    int skipped;

    void parse(String source, String content) {
      if (source.endsWith(".jsonl")) {
        parseJsonl(source, content);
      } else {
        parseMarkdown(source, content);
      }
    }

    void parseMarkdown(String source, String content) {
      var lines = stripBom(content).split("\r?\n", -1);
      if (lines.length == 0 || !lines[0].strip().equals("---")) {
        throw error(source, 1, "expected YAML front matter starting with a '---' line");
      }
      int end = 1;
      while (end < lines.length && !lines[end].strip().equals("---")) {
        end++;
      }
      if (end == lines.length) {
        throw error(source, 1, "front matter is not closed by a '---' line");
      }
      var yaml = String.join("\n", List.of(lines).subList(1, end));
      JsonNode node;
      try {
        node = YAML.readTree(yaml);
      } catch (JsonProcessingException e) {
        throw yamlError(source, e);
      }
      if (node == null || node.isMissingNode() || node.isNull()) {
        node = JSON.createObjectNode();
      }
      if (!(node instanceof ObjectNode object)) {
        throw error(source, 2, "front matter must be a YAML mapping of keys to values");
      }
      if (object.has("body")) {
        throw error(source, 1, "'body' is not a front matter key: write the body after the closing '---'");
      }
      var body = String.join("\n", List.of(lines).subList(end + 1, lines.length)).strip();
      add(source, 1, object, body);
    }

    void parseJsonl(String source, String content) {
      var lines = stripBom(content).split("\r?\n", -1);
      for (int i = 0; i < lines.length; i++) {
        if (lines[i].isBlank()) {
          continue;
        }
        JsonNode node;
        try {
          node = JSON.readTree(lines[i]);
        } catch (JsonProcessingException e) {
          throw error(source, i + 1, "invalid JSON: " + e.getOriginalMessage());
        }
        if (!(node instanceof ObjectNode object)) {
          throw error(source, i + 1, "expected a JSON object");
        }
        var body = object.remove("body");
        add(source, i + 1, object, body == null || body.isNull() ? "" : body.asText());
      }
    }

    private void add(String source, int line, ObjectNode fields, String body) {
      for (var it = fields.fieldNames(); it.hasNext(); ) {
        var key = it.next();
        if (!KEYS.contains(key)) {
          throw error(source, line, "unknown key '" + key + "'; known keys: id, locale, title, url, questions, "
              + "group, tags, approved, lookups, answerTemplate" + (source.endsWith(".jsonl") ? ", body" : ""));
        }
      }
      var approved = fields.get("approved");
      if (approved != null && !approved.isBoolean()) {
        throw error(source, line, "'approved' must be true or false, got " + approved);
      }
      if (approved != null && !approved.booleanValue()) {
        skipped++;
        log.debug("{}:{}: skipping article '{}': not approved", source, line, fields.path("id").asText());
        return;
      }
      Article article;
      try {
        article = new Article(text(fields, "id"), text(fields, "locale"), text(fields, "title"), body,
            text(fields, "url"), list(fields, "questions"), text(fields, "group"), list(fields, "tags"),
            lookups(fields), text(fields, "answerTemplate"));
      } catch (IllegalArgumentException e) {
        throw error(source, line, e.getMessage());
      }
      var key = article.id() + "\u0000" + article.locale();
      var first = origins.putIfAbsent(key, source + ":" + line);
      if (first != null) {
        throw error(source, line, "duplicate article id '" + article.id() + "' in locale '" + article.locale()
            + "' (first defined at " + first + ")");
      }
      articles.add(article);
    }

    KnowledgeBase build(String from) {
      var kb = KnowledgeBase.of(articles);
      log.info("Loaded {} approved articles ({} ids, locales {}) from {}; skipped {} not approved",
          kb.size(), kb.ids().size(), kb.countByLocale(), from, skipped);
      return kb;
    }
  }

  private static String text(ObjectNode fields, String key) {
    var node = fields.get(key);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isValueNode()) {
      throw new IllegalArgumentException("'" + key + "' must be a single value, not " + node);
    }
    return node.asText();
  }

  /** {@code lookups}: a list of {@code {name, path, key}} mappings; see {@link ArticleLookup}. */
  private static List<ArticleLookup> lookups(ObjectNode fields) {
    var node = fields.get("lookups");
    if (node == null || node.isNull()) {
      return List.of();
    }
    if (!node.isArray()) {
      throw new IllegalArgumentException("'lookups' must be a list of {name, path, key}");
    }
    var out = new ArrayList<ArticleLookup>();
    for (var item : node) {
      if (!(item instanceof ObjectNode lookup)) {
        throw new IllegalArgumentException("'lookups' must be a list of {name, path, key}");
      }
      for (var it = lookup.fieldNames(); it.hasNext(); ) {
        var key = it.next();
        if (!Set.of("name", "path", "key").contains(key)) {
          throw new IllegalArgumentException("unknown lookup key '" + key + "'; known keys: name, path, key");
        }
      }
      out.add(new ArticleLookup(lookup.path("name").asText(""), lookup.path("path").asText(""),
          lookup.path("key").asText("")));
    }
    return out;
  }

  private static List<String> list(ObjectNode fields, String key) {
    var node = fields.get(key);
    if (node == null || node.isNull()) {
      return List.of();
    }
    if (node.isValueNode()) {
      return List.of(node.asText());
    }
    var values = new ArrayList<String>();
    node.forEach(n -> {
      if (!n.isValueNode()) {
        throw new IllegalArgumentException("'" + key + "' must be a list of strings");
      }
      values.add(n.asText());
    });
    return values;
  }

  /** The YAML problem in one line, at its line in the file (the front matter starts on line 2). */
  private static IllegalArgumentException yamlError(String source, JsonProcessingException e) {
    if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
      var problem = marked.getProblem() + (marked.getContext() == null ? "" : " " + marked.getContext());
      return error(source, marked.getProblemMark().getLine() + 2, "invalid YAML front matter: " + problem
          + " (quote values that contain ':', '?', '#', '[' or ']')");
    }
    var at = e.getLocation();
    int line = at == null || at.getLineNr() < 1 ? 1 : at.getLineNr() + 1;
    return error(source, line, "invalid YAML front matter: " + e.getOriginalMessage().lines().findFirst().orElse(""));
  }

  private static String stripBom(String content) {
    return content.startsWith("\uFEFF") ? content.substring(1) : content;
  }

  private static IllegalArgumentException error(String source, int line, String message) {
    return new IllegalArgumentException(source + ":" + line + ": " + message);
  }
}
