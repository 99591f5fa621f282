package io.deskbridge.app.eval;

import io.deskbridge.core.bot.BotInput;
import io.deskbridge.core.bot.Decider;
import io.deskbridge.core.conversation.AuthorRole;
import io.deskbridge.core.conversation.Conversation;
import io.deskbridge.core.conversation.Message;
import io.deskbridge.core.conversation.Visibility;
import io.deskbridge.core.escalation.Decision;
import io.deskbridge.core.spi.HistoryReader.PastConversation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Runs the bot in shadow over a solved conversation: on the customer's first message and then, while the bot would
 * still have had the conversation (it answered or asked a clarifying question), on each later run of customer
 * messages with the conversation so far (the agents' real replies in it, the bot's earlier turns counted as its own).
 * Nothing is written anywhere: the {@link Decider} is pure. Each answer is compared with the first public reply an
 * agent wrote after those messages ({@link ReplyComparison}). Thread-safe when the decider is.
 *
 * <p>Not replayed: back-office lookups and LLM-written answers (they only complete or phrase an answer the bot
 * decided on), the loop guard's and the engine's checks that need the store (reply caps, ownership).
 */
public final class HistoryReplay {
  private final Decider bot;
  private final ReplyComparison comparison;

  public HistoryReplay(Decider bot, ReplyComparison comparison) {
    this.bot = bot;
    this.comparison = comparison;
  }

  /** What the bot does: its decision's kind as the report names it. */
  public enum Outcome {
    ANSWERED, CLARIFIED, HANDED_OVER, IGNORED;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    static Outcome of(Decision decision) {
      if (decision instanceof Decision.Reply || decision instanceof Decision.Draft) {
        return ANSWERED;
      }
      if (decision instanceof Decision.Clarify) {
        return CLARIFIED;
      }
      return decision instanceof Decision.Handover ? HANDED_OVER : IGNORED;
    }
  }

  /**
   * The bot's turn on one run of customer messages.
   *
   * @param messageId  the vendor id of the run's last customer message
   * @param text       the customer's text of the run
   * @param outcome    what the bot would have done
   * @param reasons    the decision's reason codes
   * @param confidence the calibrated confidence, in [0, 1]
   * @param article    the article the bot would have answered with (the best match otherwise); may be empty
   * @param language   the language the bot answered or would have handed over in; empty when it did not say
   * @param botText    the bot's reply, clarifying question or handover line; empty when it would have done nothing
   * @param agentReply the first public reply an agent wrote after these messages; empty when none
   * @param agentLinks the links of that reply
   * @param agentArticle the knowledge base's article the first of those links points at; empty when none does
   * @param compared   the comparison of the bot's answer with it; present only when the bot answered
   */
  public record Turn(String messageId, String text, Outcome outcome, List<String> reasons, double confidence,
      String article, String language, String botText, String agentReply, List<String> agentLinks,
      String agentArticle, Optional<ReplyComparison.Result> compared) {
    public Turn {
      reasons = List.copyOf(reasons);
      agentLinks = List.copyOf(agentLinks);
    }

    /** Answered, and the agent said something else. */
    public boolean risky() {
      return compared.map(c -> c.verdict().disagrees()).orElse(false);
    }

    /** Answered, and the agent said the same. */
    public boolean agrees() {
      return compared.map(c -> c.verdict().agrees()).orElse(false);
    }
  }

  /**
   * One replayed conversation.
   *
   * @param id       the vendor's id of the ticket, case or conversation
   * @param subject  its subject
   * @param solvedAt when the vendor last changed it
   * @param turns    the bot's turns, the first on the customer's first message; empty when the conversation holds no
   *                 public customer message
   */
  public record Replayed(String id, String subject, Instant solvedAt, List<Turn> turns) {
    public Replayed {
      turns = List.copyOf(turns);
    }

    /**
     * What the bot would have done with the conversation: the first turn's outcome, or, when it asked a clarifying
     * question, that of the first later turn that did more.
     */
    public Optional<Turn> deciding() {
      return turns.stream().filter(t -> t.outcome() != Outcome.CLARIFIED).findFirst()
          .or(() -> turns.stream().findFirst());
    }

    /** The conversation's language: the first turn's that names one. */
    public String language() {
      return turns.stream().map(Turn::language).filter(l -> !l.isEmpty()).findFirst().orElse("");
    }

    /** Expected deflection: the bot would have answered, as the agent did. */
    public boolean deflected() {
      return deciding().map(t -> t.outcome() == Outcome.ANSWERED && t.agrees()).orElse(false);
    }

    /** Any answer of the bot that the agent contradicted. */
    public boolean risky() {
      return turns.stream().anyMatch(Turn::risky);
    }
  }

  /** Replays one conversation. */
  public Replayed replay(PastConversation past) {
    Conversation full = past.conversation();
    List<Message> messages = full.messages().stream().filter(m -> m.visibility() == Visibility.PUBLIC).toList();
    var turns = new ArrayList<Turn>();
    var answered = new ArrayList<String>();
    int botTurns = 0;
    int clarifications = 0;
    String pending = "";
    int i = 0;
    while (i < messages.size()) {
      if (!messages.get(i).isPublicCustomerMessage()) {
        i++;
        continue;
      }
      int end = i;
      while (end < messages.size() && messages.get(end).isPublicCustomerMessage()) {
        end++;
      }
      List<Message> run = messages.subList(i, end);
      var soFar = new Conversation(full.key(), full.channel(), full.subject(), full.customer(), full.groupId(),
          full.assigneeId(), full.tags(), false, messages.subList(0, end), full.version());
      var input = new BotInput(soFar, run, botTurns, clarifications, answered, pending);
      Decision decision = bot.decide(input);
      Outcome outcome = Outcome.of(decision);
      Optional<Message> agent = messages.subList(end, messages.size()).stream()
          .filter(m -> m.role() == AuthorRole.AGENT).findFirst();
      List<String> links = agent.map(m -> past.linksOf(m.id())).orElse(List.of());
      String article = decision.scores().articleId();
      String botText = botText(decision);
      Optional<ReplyComparison.Result> compared = outcome == Outcome.ANSWERED
          ? Optional.of(comparison.compare(article, botText, agent.map(Message::text), links)) : Optional.empty();
      turns.add(new Turn(run.get(run.size() - 1).id(), input.text(), outcome, decision.reasons(),
          decision.scores().confidence(), article, language(decision), botText, agent.map(Message::text).orElse(""),
          links, links.stream().map(comparison::article).flatMap(Optional::stream).findFirst().orElse(""),
          compared));
      if (outcome == Outcome.HANDED_OVER || outcome == Outcome.IGNORED) {
        break; // the people have it from here
      }
      botTurns++;
      if (outcome == Outcome.CLARIFIED) {
        clarifications++;
        pending = input.text();
      } else {
        clarifications = 0;
        pending = "";
        if (!article.isEmpty()) {
          answered.add(article);
        }
      }
      i = end;
    }
    return new Replayed(full.key().externalId(), full.subject(), past.solvedAt(), turns);
  }

  private static String botText(Decision decision) {
    if (decision instanceof Decision.Reply r) {
      return r.text();
    }
    if (decision instanceof Decision.Draft d) {
      return d.text();
    }
    if (decision instanceof Decision.Clarify c) {
      return c.question();
    }
    return decision instanceof Decision.Handover h ? h.customerMessage() : "";
  }

  private static String language(Decision decision) {
    if (decision instanceof Decision.Reply r) {
      return r.language();
    }
    if (decision instanceof Decision.Draft d) {
      return d.language();
    }
    if (decision instanceof Decision.Clarify c) {
      return c.language();
    }
    return decision instanceof Decision.Handover h ? h.summary().language() : "";
  }
}
