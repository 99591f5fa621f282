package io.deskbridge.core.bot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddingCacheTest {

  @TempDir
  Path dir;

  /** Embeds a text as (length, number of spaces, 1) and records what it was asked to embed. */
  static final class CountingModel implements EmbeddingModel {
    final List<String> embedded = new ArrayList<>();

    @Override
    public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
      var out = new ArrayList<Embedding>();
      for (var s : segments) {
        embedded.add(s.text());
        out.add(Embedding.from(new float[] {s.text().length(), s.text().chars().filter(c -> c == ' ').count(), 1}));
      }
      return Response.from(out);
    }
  }

  @Test
  void aRestartEmbedsOnlyNewTextsAndGetsTheSameVectors() {
    var first = new CountingModel();
    var before = EmbeddingCache.embedAll(first, List.of("reset password", "opening hours"), dir);

    var second = new CountingModel();
    var after = EmbeddingCache.embedAll(second, List.of("opening hours", "reset password", "refund policy"), dir);

    assertThat(first.embedded).containsExactly("reset password", "opening hours");
    assertThat(second.embedded).containsExactly("refund policy");
    assertThat(after.get(0)).containsExactly(before.get(1));
    assertThat(after.get(1)).containsExactly(before.get(0));
    double norm = 0;
    for (float x : after.get(2)) {
      norm += x * x;
    }
    assertThat(norm).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-5));
  }

  @Test
  void removedTextsDropOutAndACorruptFileIsIgnored() throws Exception {
    EmbeddingCache.embedAll(new CountingModel(), List.of("a b", "c d e"), dir);
    Path file = dir.resolve("embeddings-CountingModel.bin");
    long withTwo = Files.size(file);
    EmbeddingCache.embedAll(new CountingModel(), List.of("a b"), dir);
    assertThat(Files.size(file)).isLessThan(withTwo);

    Files.write(file, new byte[] {1, 2, 3});
    var model = new CountingModel();
    var vectors = EmbeddingCache.embedAll(model, List.of("a b"), dir);

    assertThat(model.embedded).containsExactly("a b");
    assertThat(vectors).hasSize(1);
    assertThat(Files.size(file)).isGreaterThan(3);
  }

  @Test
  void withoutAFolderNothingIsKept() throws Exception {
    var model = new CountingModel();
    EmbeddingCache.embedAll(model, List.of("x y"), null);
    EmbeddingCache.embedAll(model, List.of("x y"), null);

    assertThat(model.embedded).containsExactly("x y", "x y");
    try (var files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
  }
}
