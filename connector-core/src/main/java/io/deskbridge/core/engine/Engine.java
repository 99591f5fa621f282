package io.deskbridge.core.engine;

import io.deskbridge.core.action.Action;
import io.deskbridge.core.bot.Bot;
import io.deskbridge.core.bot.BotInput;
import io.deskbridge.core.conversation.AuthorRole;
import io.deskbridge.core.conversation.Conversation;
import io.deskbridge.core.conversation.ConversationKey;
import io.deskbridge.core.conversation.Message;
import io.deskbridge.core.conversation.Ownership;
import io.deskbridge.core.conversation.Visibility;
import io.deskbridge.core.error.NonRetriableVendorException;
import io.deskbridge.core.error.VendorException;
import io.deskbridge.core.escalation.Decision;
import io.deskbridge.core.spi.HelpdeskClient;
import io.deskbridge.core.spi.HelpdeskClient.Applied;
import io.deskbridge.core.spi.HelpdeskClient.ApplyRequest;
import io.deskbridge.core.spi.HelpdeskClient.LoadRequest;
import io.deskbridge.core.store.AuditLog;
import io.deskbridge.core.store.AuditRecord;
import io.deskbridge.core.store.ConversationState;
import io.deskbridge.core.store.ConversationStore;
import io.deskbridge.core.store.Inbox;
import io.deskbridge.core.webhook.InboundEvent;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Processes webhook events: deduplicates them, then, per conversation and in order, reads the conversation,
 * works out ownership and what is new from the customer, asks the bot for a decision, applies the actions
 * for the installation's mode, and audits it. Different conversations are processed in parallel.
 *
 * <p>Guarantees, as far as an in-memory store allows (durability is issue #3):
 * <ul>
 *   <li>The bot never writes to a conversation a person owns: a handover, an agent's public message, or the
 *       handover tag moves it to {@link Ownership#HUMAN}. Before deciding on a customer's follow-up the
 *       conversation is read again, so an agent's message whose webhook is late or lost is still seen; a
 *       write carries the conversation's version, so a change after the read is a conflict and the engine
 *       decides again.</li>
 *   <li>A message is never answered twice: a write is repeated blindly only when the vendor said it did not
 *       process it; after any other failure the engine reads the conversation and looks for its own
 *       message before writing again.</li>
 *   <li>A message is not dropped when processing fails before anything was written: the event is queued
 *       again with back-off, a few times, and every failure is audited.</li>
 * </ul>
 * The bot ignores its own messages and internal notes. Thread-safe.
 */
public final class Engine implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Engine.class);
  private static final int MAX_AUDIT_INPUT = 2000;
  /** Times an event is processed in all when processing fails before anything was written. */
  private static final int MAX_PROCESSING_ATTEMPTS = 4;
  /** Times a decision is made again because the conversation changed under a write. */
  private static final int MAX_REDECISIONS = 2;

  private final Map<String, Running> installations;
  private final Bot bot;
  private final ConversationStore conversations;
  private final Inbox inbox;
  private final AuditLog audit;
  private final Clock clock;
  private final KeyedSerialExecutor executor;

  private record Running(Installation installation, VendorCalls calls, HelpdeskClient.Identity identity) {
    HelpdeskClient client() {
      return installation.connector().client();
    }
  }

  /** The conversation changed under a write; decide again on the fresh one. */
  private static final class Conflict extends RuntimeException {
    final transient Conversation fresh;

    Conflict(Conversation fresh) {
      super("conversation changed", null, false, false);
      this.fresh = fresh;
    }
  }

  private Engine(Map<String, Running> installations, Bot bot, ConversationStore conversations, Inbox inbox,
      AuditLog audit, Clock clock, int workers) {
    this.installations = installations;
    this.bot = bot;
    this.conversations = conversations;
    this.inbox = inbox;
    this.audit = audit;
    this.clock = clock;
    var threads = new AtomicInteger();
    this.executor = new KeyedSerialExecutor(Executors.newFixedThreadPool(workers, r -> {
      var t = new Thread(r, "deskbridge-worker-" + threads.incrementAndGet());
      t.setDaemon(true);
      return t;
    }));
  }

  /**
   * Starts the engine: calls each installation's who-am-i once (with retries) so bad credentials fail here,
   * before the first customer message.
   *
   * @throws IllegalStateException when an installation cannot authenticate; the message names it
   */
  public static Engine start(List<Installation> installations, Bot bot, ConversationStore conversations, Inbox inbox,
      AuditLog audit, Clock clock, int workers) {
    var running = new LinkedHashMap<String, Running>();
    for (var inst : installations) {
      var calls = new VendorCalls(inst.id(), inst.connector().errorMapper(), inst.retry());
      HelpdeskClient.Identity identity;
      try {
        identity = calls.read("who-am-i", () -> inst.connector().client().whoAmI());
      } catch (VendorException e) {
        throw new IllegalStateException("installation '" + inst.id() + "' (" + inst.connector().vendor()
            + ") failed its start-up check: " + e.getMessage(), e);
      }
      log.info("installation {} ({}, {} mode) authenticated as {} (id {})", inst.id(), inst.connector().vendor(),
          inst.mode().name().toLowerCase(Locale.ROOT), identity.name(), identity.userId());
      if (running.put(inst.id(), new Running(inst, calls, identity)) != null) {
        throw new IllegalArgumentException("installation id '" + inst.id() + "' is used twice");
      }
    }
    return new Engine(Map.copyOf(running), bot, conversations, inbox, audit, clock, workers);
  }

  /** The installation with this id, if configured. */
  public Optional<Installation> installation(String id) {
    return Optional.ofNullable(installations.get(id)).map(Running::installation);
  }

  /** The identity an installation authenticated as at start. */
  public Optional<HelpdeskClient.Identity> identity(String installationId) {
    return Optional.ofNullable(installations.get(installationId)).map(Running::identity);
  }

  /**
   * Records events and queues them for processing; returns at once. Events already received are dropped.
   *
   * @return how many of the events were new
   * @throws NullPointerException when the installation is not configured
   */
  public int accept(String installationId, List<InboundEvent> events) {
    var running = installations.get(installationId);
    Objects.requireNonNull(running, () -> "unknown installation " + installationId);
    int fresh = 0;
    for (var event : events) {
      if (!inbox.markReceived(installationId, event.id())) {
        log.debug("{}: duplicate event {} dropped", installationId, event.id());
        continue;
      }
      fresh++;
      var key = new ConversationKey(running.installation().connector().vendor(), installationId, event.conversationId());
      executor.submit(key, () -> handle(running, key, event, 1));
    }
    return fresh;
  }

  /**
   * Waits until every accepted event is processed, re-queued ones included; false on timeout. For tests,
   * the demo and shutdown.
   */
  public boolean awaitIdle(Duration timeout) throws InterruptedException {
    return executor.awaitIdle(timeout);
  }

  /** The audit log decisions are written to. */
  public AuditLog audit() {
    return audit;
  }

  /** Processes one event; when that fails before anything was written, queues it again with back-off. */
  private void handle(Running running, ConversationKey key, InboundEvent event, int attempt) {
    try {
      process(running, key, event);
    } catch (RuntimeException e) {
      boolean permanent = e instanceof NonRetriableVendorException n
          && n.kind() != NonRetriableVendorException.Kind.CONFLICT;
      boolean again = !permanent && attempt < MAX_PROCESSING_ATTEMPTS;
      Duration delay = running.installation().retry().maxDelay().multipliedBy(1L << (attempt - 1));
      String outcome = "failed (attempt " + attempt + "): " + e.getMessage()
          + (again ? "; trying again in " + delay.toMillis() + " ms" : "; gave up");
      log.error("{}: event {} for {} {}", running.installation().id(), event.id(), key, outcome,
          e instanceof VendorException ? null : e);
      audit.append(new AuditRecord(clock.instant(), running.installation().id(), key.externalId(), event.id(),
          mode(running.installation()), "failed", List.of(again ? "will_retry" : "gave_up"), 0, "", Map.of(),
          event.message().map(Message::text).orElse(""), List.of(), outcome));
      if (again) {
        executor.submitLater(key, delay, () -> handle(running, key, event, attempt + 1));
      }
    }
  }

  private void process(Running running, ConversationKey key, InboundEvent event) {
    var inst = running.installation();
    var state = conversations.find(key).orElseGet(() -> ConversationState.fresh(key));
    String botId = running.identity().userId();

    var message = event.kind() == InboundEvent.Kind.MESSAGE_ADDED ? event.message() : Optional.<Message>empty();
    if (message.isPresent()) {
      var m = message.get();
      var handled = state.withHandled(List.of(m.id()));
      if (isOwn(m, event, state, botId) || m.visibility() == Visibility.INTERNAL) {
        conversations.save(handled); // our own message coming back, or a note: nothing to read or decide
        return;
      }
      if (m.role() == AuthorRole.AGENT) {
        if (state.ownership() == Ownership.BOT) {
          record(inst, key, event, Decision.Ignore.because("human_took_over"), m.text(), List.of(), "none");
        }
        conversations.save(handled.withOwnership(Ownership.HUMAN)); // an agent's public message is a takeover
        return;
      }
    }
    if (state.ownership() == Ownership.HUMAN) {
      if (message.isPresent()) {
        record(inst, key, event, Decision.Ignore.because("human_owns_conversation"), message.get().text(), List.of(), "none");
      }
      conversations.save(message.map(m -> state.withHandled(List.of(m.id()))).orElse(state));
      return;
    }

    Conversation conversation = opening(event, state)
        .orElseGet(() -> running.calls().read("load", () -> running.client().load(new LoadRequest(key, Optional.of(event)))));
    for (int round = 0; ; round++) {
      try {
        decideAndApply(running, key, event, state, conversation);
        return;
      } catch (Conflict c) {
        if (round >= MAX_REDECISIONS) {
          throw new IllegalStateException("the conversation kept changing under our writes", c);
        }
        log.info("{}: {} changed while writing; deciding again", inst.id(), key);
        conversation = c.fresh;
      }
    }
  }

  /** A new conversation whose event carries its snapshot and opening message: no need to read it. */
  private static Optional<Conversation> opening(InboundEvent event, ConversationState state) {
    if (event.kind() != InboundEvent.Kind.CONVERSATION_CREATED || state.transcript().isPresent()
        || event.snapshot().isEmpty() || event.message().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(event.snapshot().get().withMessage(event.message().get()));
  }

  private static boolean isOwn(Message m, InboundEvent event, ConversationState state, String botId) {
    return m.authorId().equals(botId) || event.actorId().equals(botId) || state.ownMessageIds().contains(m.id());
  }

  private void decideAndApply(Running running, ConversationKey key, InboundEvent event, ConversationState state,
      Conversation conversation) {
    var inst = running.installation();
    String botId = running.identity().userId();
    var handled = new LinkedHashSet<>(state.handledMessageIds());
    handled.addAll(standIns(state, conversation));
    var ownership = state.ownership();
    var customerNew = new ArrayList<Message>();
    for (var m : conversation.messages()) {
      if (!handled.add(m.id()) || state.ownMessageIds().contains(m.id()) || m.authorId().equals(botId)
          || m.visibility() == Visibility.INTERNAL) {
        continue;
      }
      if (m.role() == AuthorRole.AGENT) {
        ownership = Ownership.HUMAN; // an agent's public message is a takeover
        customerNew.clear();
      } else if (m.role() == AuthorRole.CUSTOMER) {
        customerNew.add(m);
      }
    }
    if (conversation.tags().contains(inst.routing().handoverTag())) {
      ownership = Ownership.HUMAN;
    }
    var seen = new ConversationState(key, ownership, state.botTurns(), state.clarificationsAsked(),
        state.answeredArticleIds(), state.pendingText(), handled, state.ownMessageIds(), Optional.of(conversation));

    if (customerNew.isEmpty()) {
      if (ownership != state.ownership()) {
        record(inst, key, event, Decision.Ignore.because("human_took_over"), "", List.of(), "none");
      }
      conversations.save(seen);
      return;
    }
    String text = customerNew.stream().map(Message::text).reduce((a, b) -> a + "\n" + b).orElse("");
    if (ownership == Ownership.HUMAN || conversation.closed()) {
      var why = ownership == Ownership.HUMAN ? "human_owns_conversation" : "conversation_closed";
      record(inst, key, event, Decision.Ignore.because(why), text, List.of(), "none");
      conversations.save(seen);
      return;
    }

    var input = new BotInput(conversation, customerNew, state.botTurns(), state.clarificationsAsked(),
        state.answeredArticleIds(), state.pendingText());
    Decision decision = bot.decide(input);
    if (inst.mode() == Mode.DRAFT && decision instanceof Decision.Reply reply) {
      decision = reply.asDraft();
    }
    List<Action> actions = ActionPlanner.plan(decision, inst.mode(), inst.routing());
    var own = new LinkedHashSet<>(state.ownMessageIds());
    var current = conversation;
    int applied = 0;
    String outcome = actions.isEmpty() ? "none" : "applied";
    for (var operation : ActionPlanner.operations(actions)) {
      try {
        var result = applyOperation(running, key, current, operation, botId);
        own.addAll(result.messageIds());
        handled.addAll(result.messageIds());
        if (!result.version().isEmpty()) {
          current = current.withVersion(result.version());
        }
        applied++;
      } catch (Conflict | VendorException e) {
        if (applied == 0) {
          throw e; // nothing written: decide again (conflict) or queue the event again
        }
        outcome = "partly applied (" + applied + " of " + ActionPlanner.operations(actions).size() + "): "
            + (e instanceof Conflict ? "the conversation changed" : e.getMessage());
        log.error("{}: {} for {} {}", inst.id(), decision.kind(), key, outcome);
        break;
      }
    }
    record(inst, key, event, decision, input.text(), actions, outcome);
    conversations.save(next(seen.withTranscript(current), decision, input, handled, own));
  }

  /**
   * Applies one operation. A failure after which nobody knows whether the write happened, or a conflict,
   * makes it read the conversation: if its own message is there, the write happened; if someone else wrote,
   * it is a {@link Conflict}; otherwise it writes again with the fresh version.
   */
  private Applied applyOperation(Running running, ConversationKey key, Conversation conversation, List<Action> operation,
      String botId) {
    var target = conversation;
    for (int attempt = 1; ; attempt++) {
      var request = new ApplyRequest(target, operation);
      try {
        return running.calls().write("apply", () -> running.client().apply(request));
      } catch (VendorException e) {
        boolean conflict = e instanceof NonRetriableVendorException n && n.kind() == NonRetriableVendorException.Kind.CONFLICT;
        if (!conflict && (!e.retriable() || VendorCalls.notProcessed(e))) {
          throw e; // refused, or not processed and retries used up: writing again now will not help
        }
        var fresh = running.calls().read("load", () -> running.client().load(new LoadRequest(key, Optional.empty())));
        var landed = landed(fresh, conversation, operation, botId);
        if (landed.isPresent()) {
          log.info("{}: write to {} had landed despite '{}'", running.installation().id(), key, e.getMessage());
          return new Applied(List.of(landed.get()), fresh.version());
        }
        if (changedBySomeoneElse(fresh, conversation, botId)) {
          throw new Conflict(fresh);
        }
        if (attempt >= running.installation().retry().maxAttempts()) {
          throw e;
        }
        target = target.withVersion(fresh.version());
      }
    }
  }

  /** The id of the operation's message in the fresh conversation, if the bot's write landed. */
  private static Optional<String> landed(Conversation fresh, Conversation before, List<Action> operation, String botId) {
    var known = ids(before);
    for (var action : operation) {
      Message intended;
      if (action instanceof Action.PublicReply r) {
        intended = new Message("intended", AuthorRole.BOT, Visibility.PUBLIC, botId, r.text(), java.time.Instant.EPOCH);
      } else if (action instanceof Action.InternalNote n) {
        intended = new Message("intended", AuthorRole.BOT, Visibility.INTERNAL, botId, n.text(), java.time.Instant.EPOCH);
      } else {
        continue;
      }
      return fresh.messages().stream()
          .filter(m -> !known.contains(m.id()) && (m.authorId().equals(botId) || m.role() == AuthorRole.BOT)
              && m.visibility() == intended.visibility() && m.sameText(intended))
          .map(Message::id).findFirst();
    }
    return Optional.empty();
  }

  /** Whether someone other than the bot wrote since {@code before} (provisional messages match their real ones). */
  private static boolean changedBySomeoneElse(Conversation fresh, Conversation before, String botId) {
    var known = ids(before);
    return fresh.messages().stream().anyMatch(m -> !known.contains(m.id()) && !m.authorId().equals(botId)
        && m.role() != AuthorRole.BOT && before.messages().stream().noneMatch(p -> p.standsFor(m)));
  }

  private static Set<String> ids(Conversation conversation) {
    var ids = new HashSet<String>();
    conversation.messages().forEach(m -> ids.add(m.id()));
    return ids;
  }

  /** Real message ids that provisional messages the engine already handled stood for. */
  private static Set<String> standIns(ConversationState state, Conversation conversation) {
    var found = new HashSet<String>();
    for (var p : state.transcript().map(Conversation::messages).orElse(List.of())) {
      if (p.isProvisional() && state.handledMessageIds().contains(p.id())) {
        conversation.messages().stream()
            .filter(m -> p.standsFor(m) && !state.handledMessageIds().contains(m.id()) && !found.contains(m.id()))
            .findFirst().ifPresent(m -> found.add(m.id()));
      }
    }
    return found;
  }

  /** The state after a decision: ownership, turns, clarifications, answered articles. */
  private static ConversationState next(ConversationState s, Decision d, BotInput input, Set<String> handled,
      Set<String> own) {
    var ownership = s.ownership();
    int turns = s.botTurns();
    int clarifications = s.clarificationsAsked();
    var answered = new ArrayList<>(s.answeredArticleIds());
    String pending = "";
    if (d instanceof Decision.Reply r) {
      turns++;
      clarifications = 0;
      answered.add(r.scores().articleId());
    } else if (d instanceof Decision.Clarify) {
      turns++;
      clarifications++;
      pending = input.text();
    } else if (d instanceof Decision.Handover) {
      ownership = Ownership.HUMAN;
    } else if (d instanceof Decision.Draft dr) {
      answered.add(dr.scores().articleId());
    }
    return new ConversationState(s.key(), ownership, turns, clarifications, answered, pending, handled, own,
        s.transcript());
  }

  private static String mode(Installation inst) {
    return inst.mode().name().toLowerCase(Locale.ROOT);
  }

  private void record(Installation inst, ConversationKey key, InboundEvent event, Decision decision, String input,
      List<Action> actions, String outcome) {
    var scores = decision.scores();
    String shown = input.length() > MAX_AUDIT_INPUT ? input.substring(0, MAX_AUDIT_INPUT) + "…" : input;
    var record = new AuditRecord(clock.instant(), inst.id(), key.externalId(), event.id(), mode(inst),
        decision.kind(), decision.reasons(), scores.confidence(), scores.articleId(), scores.signals(), shown,
        actions.stream().map(Action::describe).toList(), outcome);
    audit.append(record);
    log.info("{} {} -> {} {} conf={} actions={} outcome={}", inst.id(), key.externalId(), decision.kind(),
        decision.reasons(), String.format(Locale.ROOT, "%.2f", scores.confidence()), record.actions(), outcome);
  }

  @Override
  public void close() {
    executor.close();
  }
}
