package io.deskbridge.core.bot;

import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Which sentence encoder embeds the knowledge base and the messages (configuration section {@code bot.embedding}).
 * Without files it is the bundled all-MiniLM-L6-v2 (English only); otherwise any ONNX export of a BERT-style sentence
 * encoder with its Hugging Face {@code tokenizer.json}, run in process by langchain4j; nothing is downloaded.
 *
 * @param modelFile     the model's {@code .onnx} file; null for the bundled model
 * @param tokenizerFile its {@code tokenizer.json}; given exactly when {@code modelFile} is
 * @param pooling       how the token vectors become one sentence vector, as the model was trained: {@code mean}
 *                      (sentence-transformers models, e5) or {@code cls} (bge); default mean
 * @param normalize     scale each vector to unit length; must be true (retrieval compares vectors by cosine, and
 *                      langchain4j's encoder always normalises), stated so that a configuration copied from a model
 *                      card that expects raw dot products fails instead of silently ranking differently
 * @param prefix        text put before every text embedded, as some models expect (multilingual-e5: {@code
 *                      "query: "}); default none
 * @param multilingual  whether the model maps the same meaning in different languages to nearby vectors; when it
 *                      does not, a message in a language the knowledge base has no article in is never answered
 *                      (see {@link Bot}); the bundled model is not
 */
public record EmbeddingModelConfig(Path modelFile, Path tokenizerFile, Pooling pooling, boolean normalize,
    String prefix, boolean multilingual) {

  /** @throws IllegalArgumentException when only one file is given or normalisation is turned off */
  public EmbeddingModelConfig {
    if ((modelFile == null) != (tokenizerFile == null)) {
      throw new IllegalArgumentException(modelFile == null
          ? "modelFile is missing: name the model's .onnx file together with tokenizerFile"
          : "tokenizerFile is missing: name the model's tokenizer.json together with modelFile");
    }
    pooling = pooling == null ? Pooling.MEAN : pooling;
    if (!normalize) {
      throw new IllegalArgumentException("normalize: false is not supported: retrieval compares unit-length vectors "
          + "(cosine); remove the setting");
    }
    prefix = prefix == null ? "" : prefix;
    if (modelFile == null && (multilingual || !prefix.isEmpty() || pooling != Pooling.MEAN)) {
      throw new IllegalArgumentException("pooling, prefix and multilingual describe a model file: set modelFile and "
          + "tokenizerFile too, or remove them to use the bundled model");
    }
  }

  /** The bundled all-MiniLM-L6-v2 (quantized), English only. */
  public static EmbeddingModelConfig bundled() {
    return new EmbeddingModelConfig(null, null, Pooling.MEAN, true, "", false);
  }

  /** Whether this names the bundled model rather than files. */
  public boolean isBundled() {
    return modelFile == null;
  }

  /** How token vectors are pooled into one sentence vector. */
  public enum Pooling {
    /** The mean of the token vectors (attention-masked). */
    MEAN(PoolingMode.MEAN),
    /** The first ({@code [CLS]}) token's vector. */
    CLS(PoolingMode.CLS);

    private final PoolingMode mode;

    Pooling(PoolingMode mode) {
      this.mode = mode;
    }

    PoolingMode mode() {
      return mode;
    }

    /** @throws IllegalArgumentException unless {@code mean} or {@code cls} (any case) */
    public static Pooling of(String name) {
      try {
        return valueOf(name.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("pooling must be mean or cls, was '" + name + "'", e);
      }
    }
  }
}
