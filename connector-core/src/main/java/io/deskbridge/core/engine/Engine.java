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
import io.deskbridge.core.error.VendorException;
import io.deskbridge.core.escalation.Decision;
import io.deskbridge.core.escalation.Scores;
import io.deskbridge.core.spi.HelpdeskClient;
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
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Processes webhook events: deduplicates them, then, per conversation and in order, loads the conversation,
 * works out ownership and what is new from the customer, asks the bot for a decision, applies the actions
 * for the installation's mode, and audits it. Different conversations are processed in parallel.
 *
 * <p>The bot never writes to a conversation a person owns: a handover, an agent's public message, or the
 * handover tag on the conversation moves it to {@link Ownership#HUMAN}. The bot ignores its own messages
 * and internal notes. Thread-safe.
 */
public final class Engine implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Engine.class);
  private static final int MAX_AUDIT_INPUT = 2000;
  /** How far apart a provisional message and the real one it stands for may have been written. */
  private static final Duration PROVISIONAL_WINDOW = Duration.ofMinutes(1);

  private final Map<String, Running> installations;
  private final Bot bot;
  private final ConversationStore conversations;
  private final Inbox inbox;
  private final AuditLog audit;
  private final Clock clock;
  private final KeyedSerialExecutor executor;

  private record Running(Installation installation, VendorCalls calls, HelpdeskClient.Identity identity) {}

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
        identity = calls.call("who-am-i", () -> inst.connector().client().whoAmI());
      } catch (VendorException e) {
        throw new IllegalStateException("installation '" + inst.id() + "' (" + inst.connector().vendor()
            + ") failed its start-up check: " + e.getMessage(), e);
      }
      log.info("installation {} ({}, {} mode) authenticated as {} (id {})", inst.id(), inst.connector().vendor(),
          inst.mode().name().toLowerCase(java.util.Locale.ROOT), identity.name(), identity.userId());
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
      executor.submit(key, () -> process(running, key, event));
    }
    return fresh;
  }

  /** Waits until every accepted event is processed; false on timeout. For tests, the demo and shutdown. */
  public boolean awaitIdle(Duration timeout) throws InterruptedException {
    return executor.awaitIdle(timeout);
  }

  public AuditLog audit() {
    return audit;
  }

  private void process(Running running, ConversationKey key, InboundEvent event) {
    var inst = running.installation();
    var state = conversations.find(key).orElseGet(() -> ConversationState.fresh(key));
    String botId = running.identity().userId();

    if (event.kind() == InboundEvent.Kind.MESSAGE_ADDED && isOwn(event, state, botId)) {
      // our own reply or note coming back as a webhook: nothing to load, nothing to decide
      conversations.save(withHandled(state, event.message().map(Message::id).orElse(null)));
      return;
    }

    Current current;
    try {
      current = current(running, key, event, state);
    } catch (VendorException e) {
      log.error("{}: cannot load {} for event {}: {}", inst.id(), key, event.id(), e.getMessage());
      record(inst, key, event, Decision.Ignore.because("load_failed"), "", List.of(), "failed: " + e.getMessage());
      return;
    }
    Conversation conversation = current.conversation();

    var handled = new LinkedHashSet<>(state.handledMessageIds());
    handled.addAll(current.alsoHandled());
    var ownership = state.ownership();
    var customerNew = new ArrayList<Message>();
    for (var m : conversation.messages()) {
      if (!handled.add(m.id()) || state.ownMessageIds().contains(m.id()) || m.authorId().equals(botId)) {
        continue;
      }
      if (m.visibility() == Visibility.INTERNAL) {
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
    String text = join(customerNew);
    if (ownership == Ownership.HUMAN || conversation.closed()) {
      var why = conversation.closed() ? "conversation_closed" : "human_owns_conversation";
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
    var own = new LinkedHashSet<>(seen.ownMessageIds());
    String outcome = actions.isEmpty() ? "none" : "applied";
    if (!actions.isEmpty()) {
      try {
        for (var operation : ActionPlanner.operations(actions)) {
          var applied = running.calls().call("apply", () ->
              inst.connector().client().apply(new ApplyRequest(conversation, operation)));
          own.addAll(applied.messageIds());
          handled.addAll(applied.messageIds());
        }
      } catch (VendorException e) {
        log.error("{}: cannot apply {} to {}: {}", inst.id(), decision.kind(), key, e.getMessage());
        outcome = "failed: " + e.getMessage();
      }
    }
    record(inst, key, event, decision, input.text(), actions, outcome);
    conversations.save(next(seen, decision, input, handled, own));
  }

  private static boolean isOwn(InboundEvent event, ConversationState state, String botId) {
    if (!event.actorId().isEmpty() && event.actorId().equals(botId)) {
      return true;
    }
    return event.message().map(m -> m.authorId().equals(botId) || state.ownMessageIds().contains(m.id())).orElse(false);
  }

  private static ConversationState withHandled(ConversationState s, String messageId) {
    if (messageId == null) {
      return s;
    }
    var handled = new LinkedHashSet<>(s.handledMessageIds());
    handled.add(messageId);
    var transcript = s.transcript();
    return new ConversationState(s.key(), s.ownership(), s.botTurns(), s.clarificationsAsked(),
        s.answeredArticleIds(), s.pendingText(), handled, s.ownMessageIds(), transcript);
  }

  /**
   * The conversation now, and the real ids of messages that provisional messages already handled stood for.
   *
   * @param conversation the conversation
   * @param alsoHandled  ids to count as handled
   */
  private record Current(Conversation conversation, Set<String> alsoHandled) {}

  /**
   * The conversation as it is now. When the event carries its message and the engine knows the conversation
   * (from its transcript, or from the snapshot of a "created" event), no vendor call is made; otherwise it is
   * loaded. Provisional messages are matched to the real ones, so a message is never handled twice.
   */
  private Current current(Running running, ConversationKey key, InboundEvent event, ConversationState state) {
    var known = state.transcript();
    boolean createdWithSnapshot = event.kind() == InboundEvent.Kind.CONVERSATION_CREATED && event.snapshot().isPresent();
    if (event.message().isPresent() && (known.isPresent() || createdWithSnapshot)) {
      var base = known.orElseGet(() -> event.snapshot().get());
      var header = event.snapshot().orElse(base);
      var messages = new ArrayList<>(base.messages());
      var incoming = event.message().get();
      var also = new HashSet<String>();
      boolean matched = false;
      for (int i = 0; i < messages.size() && !matched; i++) {
        var p = messages.get(i);
        if (p.standsFor(incoming) && Duration.between(p.createdAt(), incoming.createdAt()).abs().compareTo(PROVISIONAL_WINDOW) <= 0) {
          messages.set(i, incoming);
          if (state.handledMessageIds().contains(p.id())) {
            also.add(incoming.id());
          }
          matched = true;
        }
      }
      var conversation = new Conversation(key, base.channel(), header.subject(), base.customer(), header.groupId(),
          header.assigneeId(), header.tags(), header.closed(), messages);
      return new Current(matched ? conversation : conversation.withMessage(incoming), also);
    }
    var client = running.installation().connector().client();
    var loaded = running.calls().call("load", () -> client.load(new LoadRequest(key, Optional.of(event))));
    var also = new HashSet<String>();
    for (var p : known.map(Conversation::messages).orElse(List.of())) {
      if (p.isProvisional() && state.handledMessageIds().contains(p.id())) {
        loaded.messages().stream()
            .filter(m -> p.standsFor(m) && !state.handledMessageIds().contains(m.id()) && !also.contains(m.id()))
            .findFirst().ifPresent(m -> also.add(m.id()));
      }
    }
    return new Current(loaded, also);
  }

  /** The state after a decision: ownership, turns, clarifications, answered articles. */
  private static ConversationState next(ConversationState s, Decision d, BotInput input,
      java.util.Set<String> handled, java.util.Set<String> own) {
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

  private void record(Installation inst, ConversationKey key, InboundEvent event, Decision decision, String input,
      List<Action> actions, String outcome) {
    Scores scores = decision.scores();
    String shown = input.length() > MAX_AUDIT_INPUT ? input.substring(0, MAX_AUDIT_INPUT) + "…" : input;
    var record = new AuditRecord(clock.instant(), inst.id(), key.externalId(), event.id(),
        inst.mode().name().toLowerCase(java.util.Locale.ROOT), decision.kind(), decision.reasons(),
        scores.confidence(), scores.articleId(), scores.signals(), shown,
        actions.stream().map(Engine::describe).toList(), outcome);
    audit.append(record);
    log.info("{} {} -> {} {} conf={} actions={} outcome={}", inst.id(), key.externalId(), decision.kind(),
        decision.reasons(), String.format(java.util.Locale.ROOT, "%.2f", scores.confidence()), record.actions(), outcome);
  }

  private static String describe(Action action) {
    if (action instanceof Action.PublicReply r) {
      return "public_reply(" + r.text().length() + " chars)";
    } else if (action instanceof Action.InternalNote n) {
      return "internal_note(" + n.text().length() + " chars)";
    } else if (action instanceof Action.AssignGroup g) {
      return "assign_group(" + g.groupId() + ")";
    } else if (action instanceof Action.AddTags t) {
      return "add_tags(" + String.join(",", new java.util.TreeSet<>(t.tags())) + ")";
    }
    return action.toString();
  }

  private static String join(List<Message> messages) {
    var sb = new StringBuilder();
    for (var m : messages) {
      if (sb.length() > 0) {
        sb.append('\n');
      }
      sb.append(m.text());
    }
    return sb.toString();
  }

  @Override
  public void close() {
    executor.close();
  }
}
