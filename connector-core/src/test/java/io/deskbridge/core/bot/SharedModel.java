package io.deskbridge.core.bot;

import dev.langchain4j.model.embedding.EmbeddingModel;
import io.deskbridge.core.knowledge.KnowledgeBase;
import io.deskbridge.core.knowledge.KnowledgeLoader;
import java.nio.file.Path;

/** One embedding model and one demo bot for all test classes, loaded on first use. */
final class SharedModel {

  /** The shipped sample knowledge base, read from the app module's sources. */
  static final Path DEMO_KB = Path.of("../connector-app/src/main/resources/demo-kb");

  private SharedModel() {}

  static EmbeddingModel model() {
    return Holder.MODEL;
  }

  static KnowledgeBase demoKb() {
    return Holder.DEMO_KB;
  }

  /** A bot over the demo knowledge base with the default configuration. */
  static Bot demoBot() {
    return Holder.DEMO_BOT;
  }

  private static final class Holder {
    static final EmbeddingModel MODEL = Bot.embeddingModel();
    static final KnowledgeBase DEMO_KB = KnowledgeLoader.load(SharedModel.DEMO_KB);
    static final Bot DEMO_BOT = Bot.create(DEMO_KB, BotConfig.defaults(), MODEL);
  }
}
