package io.deskbridge.core.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.deskbridge.core.bot.EmbeddingModelConfig.Pooling;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A configured ONNX model goes through the same encoder as the bundled one, and the cache tells them apart. */
class SentenceEncoderTest {

  @TempDir
  static Path files;

  static Path model;
  static Path tokenizer;

  private static final List<String> TEXTS = List.of(
      "How can I reset my password?",
      "Zapomněl jsem heslo, jak ho obnovím?",
      "gdzie jest moja paczka",
      "Kje je moje naročilo?",
      // longer than the encoder's 510-token window: split, embedded in parts and averaged
      "The parcel arrived damaged and I would like a refund. ".repeat(60));

  /** The shipped model's files, copied out of its jar as an admin would put a downloaded model on disk. */
  @BeforeAll
  static void copyTheShippedModelToFiles() throws IOException {
    var loader = AllMiniLmL6V2QuantizedEmbeddingModel.class.getClassLoader();
    model = files.resolve("model.onnx");
    tokenizer = files.resolve("tokenizer.json");
    try (var in = loader.getResourceAsStream("all-minilm-l6-v2-q.onnx")) {
      Files.copy(in, model);
    }
    try (var in = loader.getResourceAsStream("all-minilm-l6-v2-q-tokenizer.json")) {
      Files.copy(in, tokenizer);
    }
  }

  private static List<float[]> embed(EmbeddingModel model, List<String> texts) {
    return model.embedAll(texts.stream().map(TextSegment::from).toList()).content().stream()
        .map(e -> e.vector()).toList();
  }

  private static EmbeddingModelConfig config(Pooling pooling, String prefix, boolean multilingual) {
    return new EmbeddingModelConfig(model, tokenizer, pooling, true, prefix, multilingual);
  }

  @Test
  void theShippedModelLoadedFromFilesGivesIdenticalVectors() {
    var generic = Bot.embeddingModel(config(Pooling.MEAN, "", false), "bot.embedding");

    var viaFiles = embed(generic, TEXTS);
    var bundled = embed(SharedModel.model(), TEXTS);
    var langchain4j = embed(new AllMiniLmL6V2QuantizedEmbeddingModel(), TEXTS);

    for (int i = 0; i < TEXTS.size(); i++) {
      assertThat(viaFiles.get(i)).hasSize(384).containsExactly(bundled.get(i));
      assertThat(viaFiles.get(i)).containsExactly(langchain4j.get(i));
    }
    assertThat(generic.dimension()).isEqualTo(384);
  }

  @Test
  void poolingAndPrefixChangeTheVectorsAndTheModelsName() {
    var mean = (SentenceEncoder) Bot.embeddingModel(config(Pooling.MEAN, "", false), "bot.embedding");
    var cls = (SentenceEncoder) Bot.embeddingModel(config(Pooling.CLS, "", false), "bot.embedding");
    var prefixed = (SentenceEncoder) Bot.embeddingModel(config(Pooling.MEAN, "query: ", true), "bot.embedding");
    var again = (SentenceEncoder) Bot.embeddingModel(config(Pooling.MEAN, "", true), "bot.embedding");

    var text = List.of("Where is my order?");
    assertThat(embed(cls, text).get(0)).isNotEqualTo(embed(mean, text).get(0));
    assertThat(embed(prefixed, text).get(0)).isNotEqualTo(embed(mean, text).get(0))
        .containsExactly(embed(mean, List.of("query: Where is my order?")).get(0));
    assertThat(List.of(mean.name(), cls.name(), prefixed.name(), ((SentenceEncoder) SharedModel.model()).name()))
        .doesNotHaveDuplicates();
    assertThat(again.name()).as("same files, pooling and prefix: same vectors, same name").isEqualTo(mean.name());
    assertThat(prefixed.multilingual()).isTrue();
    assertThat(mean.multilingual()).isFalse();
  }

  @Test
  void theEmbeddingCacheKeepsOneFilePerModel(@TempDir Path cache) throws IOException {
    var mean = (SentenceEncoder) Bot.embeddingModel(config(Pooling.MEAN, "", false), "bot.embedding");
    var cls = (SentenceEncoder) Bot.embeddingModel(config(Pooling.CLS, "", false), "bot.embedding");

    var a = EmbeddingCache.embedAll(mean, List.of("Where is my order?"), cache);
    var b = EmbeddingCache.embedAll(cls, List.of("Where is my order?"), cache);

    assertThat(cache.resolve("embeddings-" + mean.name() + ".bin")).isRegularFile();
    assertThat(cache.resolve("embeddings-" + cls.name() + ".bin")).isRegularFile();
    assertThat(b.get(0)).as("not the other model's cached vector").isNotEqualTo(a.get(0));
    assertThat(EmbeddingCache.embedAll(mean, List.of("Where is my order?"), cache).get(0)).containsExactly(a.get(0));
  }

  @Test
  void aMissingFileIsOneLineNamingTheSetting() {
    var missing = files.resolve("nowhere/model.onnx");
    assertThatThrownBy(() -> Bot.embeddingModel(
        new EmbeddingModelConfig(missing, tokenizer, Pooling.MEAN, true, "", true), "bot.embedding"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("bot.embedding.modelFile: " + missing + " does not exist; download the model's files (README, "
            + "\"Embedding models\") or remove bot.embedding to use the bundled English model");
    assertThatThrownBy(() -> Bot.embeddingModel(
        new EmbeddingModelConfig(model, files.resolve("tok.json"), Pooling.MEAN, true, "", true), "bot.embedding"))
        .hasMessageStartingWith("bot.embedding.tokenizerFile: " + files.resolve("tok.json") + " does not exist;");
  }

  @Test
  void aFileThatIsNotAModelIsOneLineNamingTheSetting() throws IOException {
    var notAModel = Files.writeString(files.resolve("notes.onnx"), "not a model");

    assertThatThrownBy(() -> Bot.embeddingModel(
        new EmbeddingModelConfig(notAModel, tokenizer, Pooling.MEAN, true, "", false), "bot.embedding"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("bot.embedding.modelFile: " + notAModel + " is not an ONNX model")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void theConfigurationNeedsBothFilesAndUnitVectors() {
    assertThatThrownBy(() -> new EmbeddingModelConfig(model, null, Pooling.MEAN, true, "", false))
        .hasMessageStartingWith("tokenizerFile is missing");
    assertThatThrownBy(() -> new EmbeddingModelConfig(model, tokenizer, Pooling.MEAN, false, "", false))
        .hasMessageStartingWith("normalize: false is not supported");
    assertThatThrownBy(() -> Pooling.of("max")).hasMessage("pooling must be mean or cls, was 'max'");
    assertThat(EmbeddingModelConfig.bundled().isBundled()).isTrue();
  }
}
