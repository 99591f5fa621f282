package io.deskbridge.core.llm;

import io.deskbridge.core.bot.BotInput;
import io.deskbridge.core.bot.Decider;
import io.deskbridge.core.conversation.Message;
import io.deskbridge.core.conversation.Visibility;
import io.deskbridge.core.escalation.Decision;
import io.deskbridge.core.knowledge.Article;
import io.deskbridge.core.knowledge.KnowledgeBase;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@code answer.mode: llm}: the wrapped Decider (the bot) still decides whether to answer; only its
 * {@link Decision.Reply replies} are rewritten by the {@link LlmAnswerWriter} from the approved article (the one in
 * the reply's scores, in the reply's language when it has that version; its whole body is the passage). A written
 * answer replaces the extractive text, with a link for each cited article, and adds reason
 * {@code llm_ok}; otherwise the extractive reply goes out unchanged, with reason {@code llm_fallback_extractive}
 * and the refusal's or failure's reason codes added, so the audit record names why. Clarifications and handovers
 * pass through.
 *
 * <p>Thread-safe when the wrapped Decider is.
 */
public final class LlmDecider implements Decider {
  public static final String FALLBACK = "llm_fallback_extractive";

  private final Decider bot;
  private final KnowledgeBase knowledge;
  private final LlmAnswerWriter writer;

  public LlmDecider(Decider bot, KnowledgeBase knowledge, LlmAnswerWriter writer) {
    this.bot = Objects.requireNonNull(bot, "bot");
    this.knowledge = Objects.requireNonNull(knowledge, "knowledge");
    this.writer = Objects.requireNonNull(writer, "writer");
  }

  @Override
  public Decision decide(BotInput input) {
    Decision decision = bot.decide(input);
    if (!(decision instanceof Decision.Reply reply) || reply.scores() == null
        || reply.scores().articleId().isEmpty()) {
      return decision;
    }
    String id = reply.scores().articleId();
    Optional<Article> article = knowledge.find(id, reply.language())
        .or(() -> knowledge.byId(id).stream().findFirst());
    if (article.isEmpty()) {
      return decision;
    }
    List<String> notes = input.conversation().messages().stream()
        .filter(m -> m.visibility() == Visibility.INTERNAL).map(Message::text).filter(Objects::nonNull).toList();
    LlmOutcome outcome = writer.write(new LlmAnswerWriter.Request(input.text(), reply.language(),
        List.of(new LlmAnswerWriter.Passage(id, article.get().title(), article.get().body())), List.of(), notes));
    List<String> reasons = new ArrayList<>(reply.reasons());
    if (outcome instanceof LlmOutcome.Written w) {
      reasons.add(w.reason());
      StringBuilder text = new StringBuilder(w.text());
      Set<String> links = new LinkedHashSet<>();
      for (String cited : w.articleIds()) {
        knowledge.find(cited, reply.language()).or(() -> knowledge.byId(cited).stream().findFirst())
            .map(Article::url).filter(u -> !u.isEmpty()).ifPresent(links::add);
      }
      links.forEach(u -> text.append("\n\n").append(u));
      return new Decision.Reply(text.toString(), reply.language(), reasons, reply.scores());
    }
    reasons.add(FALLBACK);
    reasons.addAll(List.of(outcome.reason().split(",")));
    return new Decision.Reply(reply.text(), reply.language(), reasons, reply.scores());
  }
}
