package io.deskbridge.core.bot;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Embeds the knowledge base's texts, keeping the vectors in a file between starts so that a restart embeds only
 * what changed. The file ({@code embeddings-<model>.bin} in the given folder, one per {@linkplain #modelKey model})
 * maps the SHA-256 of each text to its unit-length vector and holds exactly the texts of the last call: articles
 * removed from the knowledge base drop out. It is written to a temporary file and moved into place, so a crash or a
 * second instance starting at the same time leaves either the old or the new file, never a torn one; an unreadable
 * file is logged and ignored (everything is embedded again). Vectors depend only on the model and the text, so a stale entry cannot be wrong, only unused.
 */
final class EmbeddingCache {

  private static final Logger log = LoggerFactory.getLogger(EmbeddingCache.class);
  private static final int MAGIC = 0x44424531; // "DBE1"

  private EmbeddingCache() {}

  /**
   * Unit-length embeddings of the texts, in order.
   *
   * @param folder where the cache file lives (created when missing); null embeds everything and keeps nothing
   * @throws UncheckedIOException when the folder cannot be created or the file cannot be written
   */
  static List<float[]> embedAll(EmbeddingModel model, List<String> texts, Path folder) {
    if (texts.isEmpty()) {
      return List.of();
    }
    if (folder == null) {
      return embed(model, texts);
    }
    Path file = file(model, folder);
    var cached = read(file);
    var keys = texts.stream().map(EmbeddingCache::key).toList();
    var missingByKey = new java.util.LinkedHashMap<String, String>();
    for (int i = 0; i < texts.size(); i++) {
      if (!cached.containsKey(keys.get(i))) {
        missingByKey.putIfAbsent(keys.get(i), texts.get(i));
      }
    }
    var missing = new ArrayList<>(missingByKey.values());
    var missingKeys = new ArrayList<>(missingByKey.keySet());
    if (!missing.isEmpty() || cached.size() != new java.util.HashSet<>(keys).size()) {
      var fresh = embed(model, missing);
      for (int i = 0; i < missing.size(); i++) {
        cached.put(missingKeys.get(i), fresh.get(i));
      }
      write(file, keys, cached);
      log.info("Embedded {} new text(s), {} from the cache {}", missing.size(), texts.size() - missing.size(), file);
    }
    return keys.stream().map(cached::get).toList();
  }

  /**
   * What identifies the model's vectors: a {@link SentenceEncoder}'s {@linkplain SentenceEncoder#name() name} (it
   * changes with the model's files, pooling and prefix), else the model's class name.
   */
  static String modelKey(EmbeddingModel model) {
    return model instanceof SentenceEncoder encoder ? encoder.name() : model.getClass().getSimpleName();
  }

  /** The cache file of this model's vectors in {@code folder} (which may not exist). */
  static Path file(EmbeddingModel model, Path folder) {
    return folder.resolve("embeddings-" + modelKey(model) + ".bin");
  }

  /** How many vectors the cache file of this model in {@code folder} holds; 0 when there is none or it is unreadable. */
  static int size(EmbeddingModel model, Path folder) {
    return read(file(model, folder)).size();
  }

  static float[] normalized(float[] v) {
    double norm = 0;
    for (float x : v) {
      norm += x * x;
    }
    norm = Math.sqrt(norm);
    var out = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = norm == 0 ? 0 : (float) (v[i] / norm);
    }
    return out;
  }

  private static List<float[]> embed(EmbeddingModel model, List<String> texts) {
    if (texts.isEmpty()) {
      return List.of();
    }
    return model.embedAll(texts.stream().map(TextSegment::from).toList()).content().stream()
        .map(e -> normalized(e.vector())).toList();
  }

  private static Map<String, float[]> read(Path file) {
    var vectors = new HashMap<String, float[]>();
    if (!Files.isRegularFile(file)) {
      return vectors;
    }
    try (var in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
      if (in.readInt() != MAGIC) {
        throw new IOException("not an embedding cache");
      }
      int count = in.readInt();
      int dims = in.readInt();
      var hash = new byte[32];
      for (int i = 0; i < count; i++) {
        in.readFully(hash);
        var v = new float[dims];
        for (int d = 0; d < dims; d++) {
          v[d] = in.readFloat();
        }
        vectors.put(HexFormat.of().formatHex(hash), v);
      }
      return vectors;
    } catch (IOException | RuntimeException e) {
      log.warn("Ignoring the unreadable embedding cache {} ({}); embedding every text again", file, e.toString());
      return new HashMap<>();
    }
  }

  private static void write(Path file, List<String> keys, Map<String, float[]> vectors) {
    var distinct = new java.util.LinkedHashSet<>(keys);
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName().toString(), ".tmp");
      try (var out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
        out.writeInt(MAGIC);
        out.writeInt(distinct.size());
        out.writeInt(vectors.get(keys.get(0)).length);
        for (var key : distinct) {
          out.write(HexFormat.of().parseHex(key));
          for (float x : vectors.get(key)) {
            out.writeFloat(x);
          }
        }
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the embedding cache " + file, e);
    }
  }

  private static String key(String text) {
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
