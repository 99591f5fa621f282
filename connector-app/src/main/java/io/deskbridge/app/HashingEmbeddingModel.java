package io.deskbridge.app;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A CPU-light stand-in for the bundled embedding model, <b>for benchmarks only</b>: a hashed bag of words
 * (lower-cased, accents folded), each word adding ±1 to one of {@value #DIMENSION} dimensions, then
 * L2-normalized. Deterministic, microseconds per text, no model to load. It lets the benchmark measure the
 * connector's own machinery (webhooks, store, workers, vendor calls) without the cost of model inference;
 * the answers it picks are worse than the real model's, so never serve customers with it. Selected by
 * {@code bench --fake-bot} and, in {@code serve}, by {@code DESKBRIDGE_FAKE_EMBEDDINGS=true}. Thread-safe.
 */
final class HashingEmbeddingModel implements EmbeddingModel {
  /** The bundled model's dimension, so the two are interchangeable. */
  static final int DIMENSION = 384;

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

  @Override
  public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
    var out = new ArrayList<Embedding>(segments.size());
    for (var segment : segments) {
      out.add(Embedding.from(vector(segment.text())));
    }
    return Response.from(out);
  }

  @Override
  public int dimension() {
    return DIMENSION;
  }

  @Override
  public String modelName() {
    return "hashing-bag-of-words-384 (benchmarks only)";
  }

  /** The normalized vector of a text; a text without words gets a fixed unit vector. */
  static float[] vector(String text) {
    var v = new float[DIMENSION];
    String folded = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("")
        .toLowerCase(Locale.ROOT);
    for (String word : NON_WORD.split(folded)) {
      if (word.isEmpty()) {
        continue;
      }
      int h = mix(word.hashCode());
      v[Math.floorMod(h, DIMENSION)] += (h & 0x8000_0000) == 0 ? 1f : -1f;
    }
    double norm = 0;
    for (float x : v) {
      norm += x * x;
    }
    if (norm == 0) {
      v[0] = 1f;
      return v;
    }
    float scale = (float) (1 / Math.sqrt(norm));
    for (int i = 0; i < v.length; i++) {
      v[i] *= scale;
    }
    return v;
  }

  /** MurmurHash3's finalizer: spreads String.hashCode's bits over the whole int. */
  private static int mix(int h) {
    h ^= h >>> 16;
    h *= 0x85eb_ca6b;
    h ^= h >>> 13;
    h *= 0xc2b2_ae35;
    h ^= h >>> 16;
    return h;
  }
}
