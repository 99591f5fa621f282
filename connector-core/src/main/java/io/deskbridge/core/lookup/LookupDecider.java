package io.deskbridge.core.lookup;

import com.fasterxml.jackson.databind.JsonNode;
import io.deskbridge.core.bot.BotInput;
import io.deskbridge.core.bot.Decider;
import io.deskbridge.core.escalation.AngerSignal;
import io.deskbridge.core.escalation.Decision;
import io.deskbridge.core.escalation.HandoverNotes;
import io.deskbridge.core.escalation.HandoverReason;
import io.deskbridge.core.escalation.HandoverSummary;
import io.deskbridge.core.escalation.KeyFact;
import io.deskbridge.core.escalation.KeyFactExtractor;
import io.deskbridge.core.knowledge.Article;
import io.deskbridge.core.knowledge.KnowledgeBase;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The back-office step of the bot: a {@link Decider} around another (the {@link io.deskbridge.core.bot.Bot}) that
 * completes its replies whose article declares {@linkplain Article#lookups() lookups}, in installations that have a
 * back office. For such a reply it takes each lookup's key (an order number, e-mail or phone from the customer's
 * messages, or the conversation's customer), reads the record from the installation's back office
 * ({@link BackOffice}: timeout, circuit breaker, cache), checks that the record is the conversation's customer's
 * ({@link IdentityCheck}) and answers with the article's {@linkplain Article#answerTemplate() answer template} filled
 * from the records ({@link AnswerTemplate}). In an installation without a back office the article's own answer (its
 * body, which holds no record data) is given as before. Whatever fails, no reply is sent with a guessed or foreign
 * value:
 *
 * <table>
 *   <caption>outcomes (the reason code is in the decision's reasons, so the audit records it)</caption>
 *   <tr><th>situation</th><th>decision</th><th>reason</th></tr>
 *   <tr><td>every record the customer's and every placeholder filled</td><td>reply</td><td>{@code looked_up}</td></tr>
 *   <tr><td>no key in the messages, asked fewer than twice</td><td>clarify (asks for it)</td><td>{@code lookup_key_missing}</td></tr>
 *   <tr><td>no key after asking; the customer's own id or e-mail unknown</td><td>handover</td><td>{@code lookup_key_missing}, {@code lookup_customer_unknown}</td></tr>
 *   <tr><td>the record belongs to someone else</td><td>handover</td><td>{@code lookup_identity_mismatch}</td></tr>
 *   <tr><td>the record or the customer lacks the identity fields</td><td>handover</td><td>{@code lookup_identity_unverified}</td></tr>
 *   <tr><td>no such record (404)</td><td>handover</td><td>{@code lookup_not_found}</td></tr>
 *   <tr><td>timeout, 5xx, refused credential, open circuit</td><td>handover</td><td>{@code lookup_timeout}, {@code lookup_error}, {@code lookup_circuit_open}</td></tr>
 *   <tr><td>a placeholder the records cannot fill</td><td>handover</td><td>{@code lookup_field_missing}</td></tr>
 *   <tr><td>placeholders in the reply itself (an article body written as a template)</td><td>handover</td><td>{@code lookup_not_configured}</td></tr>
 * </table>
 *
 * <p>Every handover gives {@code lookup} as its first reason and the code above as its second. It says the same to
 * the customer whatever the reason (a missing record is not told apart from someone else's, so the bot is no oracle
 * of which order numbers exist), and neither its message nor its summary holds anything of a looked-up record: the
 * key facts are those the customer wrote. The agent's note gives the reason {@link HandoverReason#LOOKUP}.
 *
 * <p>Unlike the bot this decider does I/O: at most one bounded GET per lookup, in the worker deciding the turn
 * (well within its lease). Replies without lookups pass through untouched, at no cost. Thread-safe.
 */
public final class LookupDecider implements Decider {

  /** The reason added to a reply completed from looked-up records. */
  public static final String LOOKED_UP = "looked_up";

  private static final Pattern BARE_KEY = Pattern.compile("#?\\s*((?=[\\p{L}-]*\\d)[\\p{L}\\d][\\p{L}\\d-]{2,})[.!]?");
  private static final Pattern SAFE_KEY = Pattern.compile("[\\p{L}\\p{N}@._+ -]{1,120}");
  private static final int MAX_ASKS = 2;

  private final Decider inner;
  private final KnowledgeBase knowledge;
  private final Map<String, BackOffice> backOffices;

  private final MeterRegistry meters;

  private LookupDecider(Decider inner, KnowledgeBase knowledge, Map<String, BackOffice> backOffices,
      MeterRegistry meters) {
    this.inner = inner;
    this.knowledge = knowledge;
    this.backOffices = backOffices;
    this.meters = meters;
  }

  /**
   * The bot with lookups, or {@code inner} itself when no installation has a back office and no article's body is a
   * template.
   *
   * @param backOffices installation id → its back office; installations not named have none, and answer with the
   *                    articles' own (generic) bodies
   * @param clock       the engine's clock (the circuit breaker's open time, the cache's time to live)
   */
  public static Decider wrap(Decider inner, KnowledgeBase knowledge, Map<String, BackOfficeConfig> backOffices,
      Clock clock) {
    return wrap(inner, knowledge, backOffices, clock, new SimpleMeterRegistry());
  }

  /**
   * As {@link #wrap(Decider, KnowledgeBase, Map, Clock)}, counting each lookup's outcome in {@code meters}:
   * {@code deskbridge.lookups{installation, outcome}}, the outcome being {@value #LOOKED_UP}, {@code lookup_key_missing}
   * when the bot asked for the key, or the handover's reason code.
   */
  public static Decider wrap(Decider inner, KnowledgeBase knowledge, Map<String, BackOfficeConfig> backOffices,
      Clock clock, MeterRegistry meters) {
    Objects.requireNonNull(inner, "inner");
    Objects.requireNonNull(meters, "meters");
    boolean templated = knowledge.articles().stream().anyMatch(a -> AnswerTemplate.hasPlaceholders(a.body()));
    if (!templated && backOffices.isEmpty()) {
      return inner;
    }
    var clients = new LinkedHashMap<String, BackOffice>();
    backOffices.forEach((id, config) -> clients.put(id, new BackOffice(id, config, clock)));
    return new LookupDecider(inner, knowledge, Map.copyOf(clients), meters);
  }

  /** The back office of an installation; for tests. */
  Optional<BackOffice> backOffice(String installation) {
    return Optional.ofNullable(backOffices.get(installation));
  }

  @Override
  public Decision decide(BotInput input) {
    var decision = inner.decide(input);
    if (!(decision instanceof Decision.Reply reply)) {
      return decision;
    }
    var completed = complete(input, reply);
    if (completed != reply) {
      String outcome = completed instanceof Decision.Handover ? completed.reasons().get(1)
          : completed instanceof Decision.Clarify ? completed.reasons().get(0) : LOOKED_UP;
      meters.counter("deskbridge.lookups", "installation", input.conversation().key().installation(),
          "outcome", outcome).increment();
    }
    return completed;
  }

  /** The reply as it may be sent: itself, completed from the records, a clarification or a handover. */
  private Decision complete(BotInput input, Decision.Reply reply) {
    var turn = new Turn(input, reply);
    var article = withLookups(reply);
    var backOffice = backOffices.get(input.conversation().key().installation());
    if (AnswerTemplate.hasPlaceholders(reply.text())) { // a template in the body itself is never sent raw
      return turn.handover("lookup_not_configured", "");
    }
    if (article.isEmpty() || backOffice == null) { // no lookup, or none here: the article's own (generic) answer
      return reply;
    }
    var customer = input.conversation().customer();
    var records = new LinkedHashMap<String, JsonNode>();
    for (var lookup : article.get().lookups()) {
      var key = key(lookup.key(), input);
      if (key.isEmpty()) {
        boolean askable = !lookup.key().startsWith("customer_");
        if (askable && input.clarificationsAsked() < MAX_ASKS) {
          return new Decision.Clarify(LookupPhrases.ask(lookup.key(), reply.language()), reply.language(),
              List.of("lookup_key_missing"), reply.scores());
        }
        return turn.handover(askable ? "lookup_key_missing" : "lookup_customer_unknown", lookup.name());
      }
      var fetch = backOffice.fetch(lookup, key.get());
      if (fetch instanceof BackOffice.Fetch.NotFound) {
        return turn.handover("lookup_not_found", lookup.name());
      }
      if (fetch instanceof BackOffice.Fetch.Failed failed) {
        return turn.handover(failed.reason(), lookup.name());
      }
      var record = ((BackOffice.Fetch.Found) fetch).record();
      switch (backOffice.identity().check(record, customer)) {
        case MATCH -> records.put(lookup.name(), record);
        case MISMATCH -> {
          return turn.handover("lookup_identity_mismatch", lookup.name());
        }
        default -> {
          return turn.handover("lookup_identity_unverified", lookup.name());
        }
      }
    }
    var filled = AnswerTemplate.fill(article.get().answerTemplate(), records);
    if (filled instanceof AnswerTemplate.Result.Filled f) {
      var reasons = new ArrayList<>(reply.reasons());
      reasons.add(LOOKED_UP);
      return new Decision.Reply(f.text(), reply.language(), reasons, reply.scores());
    }
    return turn.handover("lookup_field_missing", "");
  }

  /**
   * The version of the reply's article that declares lookups: the one in the reply's language, else the one whose
   * body the reply holds, else any; empty when no version declares lookups.
   */
  private Optional<Article> withLookups(Decision.Reply reply) {
    var id = reply.scores().articleId();
    if (id.isEmpty()) {
      return Optional.empty();
    }
    var versions = knowledge.byId(id).stream().filter(a -> !a.lookups().isEmpty()).toList();
    return versions.stream().filter(a -> a.locale().equals(reply.language())).findFirst()
        .or(() -> versions.stream().filter(a -> reply.text().contains(a.body())).findFirst())
        .or(() -> versions.stream().findFirst());
  }

  /** The key's value for this turn; empty when the customer has not given it (or it is not a safe path segment). */
  static Optional<String> key(String key, BotInput input) {
    var customer = input.conversation().customer();
    Optional<String> value = switch (key) {
      case "customer_id" -> Optional.of(customer.id().strip()).filter(s -> !s.isEmpty());
      case "customer_email" -> Optional.of(customer.email().strip()).filter(s -> !s.isEmpty());
      default -> fact(key, input);
    };
    return value.filter(v -> SAFE_KEY.matcher(v).matches() && !v.chars().allMatch(c -> c == '.'));
  }

  private static Optional<String> fact(String key, BotInput input) {
    var type = switch (key) {
      case "email" -> KeyFact.Type.EMAIL;
      case "phone" -> KeyFact.Type.PHONE;
      default -> KeyFact.Type.ORDER_NUMBER;
    };
    var found = KeyFactExtractor.extract(input.text()).stream().filter(f -> f.type() == type).map(KeyFact::value)
        .findFirst();
    if (found.isPresent() || type != KeyFact.Type.ORDER_NUMBER || input.pendingText().isBlank()) {
      return found;
    }
    // the answer to "could you send me your order number?" is often the number alone
    var last = input.newMessages().get(input.newMessages().size() - 1).text().strip();
    var bare = BARE_KEY.matcher(last);
    return bare.matches() ? Optional.of(bare.group(1)) : Optional.empty();
  }

  /** One reply being completed: builds the handover that replaces it. */
  private final class Turn {
    private final BotInput input;
    private final Decision.Reply reply;

    Turn(BotInput input, Decision.Reply reply) {
      this.input = input;
      this.reply = reply;
    }

    /**
     * A handover instead of the reply: the article's routing group, the customer told a colleague takes over,
     * the summary from the customer's own text only.
     */
    Decision.Handover handover(String reason, String lookupName) {
      var language = reply.language();
      double anger = reply.scores().signals().getOrDefault("anger", 0.0);
      var botAnswers = new ArrayList<String>();
      for (var id : input.answeredArticleIds()) {
        botAnswers.add(knowledge.byId(id).isEmpty() ? "answered article " + id
            : "answered \"" + article(id, language).title() + "\"");
      }
      if (input.clarificationsAsked() > 0) {
        botAnswers.add("asked " + input.clarificationsAsked() + " clarifying question(s)");
      }
      var title = article(reply.scores().articleId(), language).title();
      botAnswers.add("found \"" + title + "\" but did not answer: it needs the "
          + (lookupName.isEmpty() ? "back-office" : lookupName) + " record, which could not be used");
      var summary = new HandoverSummary(Set.of(HandoverReason.LOOKUP), language, AngerSignal.tone(anger),
          HandoverNotes.request(input.text()), KeyFactExtractor.extract(input.customerTexts()), botAnswers,
          reply.scores().confidence());
      var reasons = List.of(HandoverReason.LOOKUP.code(), reason);
      return new Decision.Handover(article(reply.scores().articleId(), language).group(),
          LookupPhrases.handover(language), summary, reasons, reply.scores());
    }
  }

  private Article article(String id, String language) {
    return knowledge.find(id, language).orElseGet(() -> knowledge.byId(id).get(0));
  }
}
