package io.deskbridge.core.engine;

import io.deskbridge.core.action.Action;
import io.deskbridge.core.conversation.AuthorRole;
import io.deskbridge.core.conversation.Channel;
import io.deskbridge.core.conversation.Conversation;
import io.deskbridge.core.conversation.ConversationKey;
import io.deskbridge.core.conversation.Customer;
import io.deskbridge.core.conversation.Message;
import io.deskbridge.core.conversation.Owner;
import io.deskbridge.core.conversation.Visibility;
import io.deskbridge.core.error.VendorErrors;
import io.deskbridge.core.error.VendorException;
import io.deskbridge.core.spi.Connector;
import io.deskbridge.core.spi.Capabilities;
import io.deskbridge.core.spi.Capability;
import io.deskbridge.core.spi.ErrorMapper;
import io.deskbridge.core.spi.HelpdeskClient;
import io.deskbridge.core.spi.WebhookEndpoint;
import io.deskbridge.core.webhook.InboundEvent;
import io.deskbridge.core.webhook.WebhookRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny helpdesk that keeps conversations in memory, for offline engine tests. Thread-safe enough for them. Its
 * capabilities are chosen by the test: without {@link Capability#ATOMIC_UPDATE} it refuses a write of more than one
 * action; without {@link Capability#CONDITIONAL_WRITES} it ignores the version a write carries. It reports a
 * conversation carrying {@link #HANDOVER_TAG}, or assigned to an agent, as owned by people.
 */
final class InMemoryHelpdesk implements Connector, HelpdeskClient {
  static final String BOT = "bot-1";
  static final String HANDOVER_TAG = "deskbridge_handover";
  static final Set<Capability> ZENDESK_LIKE =
      java.util.EnumSet.of(Capability.CONDITIONAL_WRITES, Capability.ATOMIC_UPDATE, Capability.TAGS);
  private final Set<Capability> capabilities;
  final Map<String, String> assignees = new ConcurrentHashMap<>();
  /** Every write's actions, in order. */
  final List<List<Action>> applied = new java.util.concurrent.CopyOnWriteArrayList<>();
  /** The next writes that carry an assignment fail with a lost answer (a timeout) before anything is written. */
  final AtomicInteger failNextAssignments = new AtomicInteger();

  InMemoryHelpdesk() {
    this(ZENDESK_LIKE);
  }

  InMemoryHelpdesk(Set<Capability> capabilities) {
    this.capabilities = Set.copyOf(capabilities);
  }
  final Map<String, List<Message>> messages = new ConcurrentHashMap<>();
  final Map<String, Set<String>> tags = new ConcurrentHashMap<>();
  final Map<String, String> groups = new ConcurrentHashMap<>();
  final AtomicInteger loads = new AtomicInteger();
  final AtomicInteger writes = new AtomicInteger();
  /** The next writes fail with 503 before anything is written (the vendor did not process them). */
  final AtomicInteger failNextWrites = new AtomicInteger();
  /** The next writes are applied, then fail as if the answer was lost (a timeout). */
  final AtomicInteger landThenFailNextWrites = new AtomicInteger();
  /** The next loads fail with an I/O error. */
  final AtomicInteger failNextLoads = new AtomicInteger();
  /** Every load fails with 404 (the ticket was deleted) while set. */
  final java.util.concurrent.atomic.AtomicBoolean failNextLoadsWith404 = new java.util.concurrent.atomic.AtomicBoolean();
  /** While set, a write carrying an action it matches is refused for good (HTTP 422) before anything is written. */
  volatile java.util.function.Predicate<Action> refuse;
  /** Runs at the start of every write while set (a test may throw from it to kill the process there). */
  volatile Runnable beforeWrite;
  /** Runs once at the end of the next load, after its snapshot was taken: something happens just after a read. */
  volatile Runnable afterNextLoad;
  /** The request of the latest write attempt, whether it succeeded or not. */
  volatile ApplyRequest lastAttempt;
  /** Runs inside the next write, before its version check: someone else writes at just that moment. */
  volatile Runnable duringNextWrite;
  final Map<String, Integer> versions = new ConcurrentHashMap<>();
  /** The targets of every {@link #checkRoutes} call, and the whoAmI calls counted before each, in order. */
  final List<String> startCalls = new java.util.concurrent.CopyOnWriteArrayList<>();
  /** The failure {@link #checkRoutes} throws while set. */
  volatile RuntimeException refuseRoutes;
  private final AtomicInteger ids = new AtomicInteger();
  /** What {@link #agentsOnline} answers; it throws {@link #availabilityFailure} instead while that is set. */
  volatile Availability availability = Availability.UNKNOWN;
  volatile RuntimeException availabilityFailure;
  /** The routing targets {@link #agentsOnline} was asked about, in order. */
  final List<String> availabilityAsked = new java.util.concurrent.CopyOnWriteArrayList<>();
  /** The conversations {@link #typing} was called for, in order; it throws {@link #typingFailure} while set. */
  final List<String> typingShown = new java.util.concurrent.CopyOnWriteArrayList<>();
  volatile RuntimeException typingFailure;
  /** What a write holds back as follow-ups ({@link Applied#followUps()}), given its request; none while unset. */
  volatile java.util.function.Function<ApplyRequest, List<Action>> holdBack;
  /** The linked record of every write, in order. */
  final List<String> linkedRecords = new java.util.concurrent.CopyOnWriteArrayList<>();

  @Override
  public Availability agentsOnline(AvailabilityRequest request) {
    availabilityAsked.add(request.routingTarget());
    if (availabilityFailure != null) {
      throw availabilityFailure;
    }
    return availability;
  }

  /** While set and not counted down, {@link #typing} hangs on it, deaf to interruption (a vendor that never answers). */
  volatile java.util.concurrent.CountDownLatch typingHangsUntil;

  @Override
  public void typing(TypingRequest request) {
    typingShown.add(request.key().externalId());
    var hangs = typingHangsUntil;
    if (hangs != null) {
      boolean interrupted = false;
      while (hangs.getCount() > 0) {
        try {
          hangs.await();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
    if (typingFailure != null) {
      throw typingFailure;
    }
  }

  /** The channel every loaded conversation reports. */
  volatile Channel channel = Channel.WEB_FORM;

  /** A customer's e-mail with these headers. */
  synchronized Message addEmail(String conversation, String text, Map<String, String> headers) {
    var m = new Message("m" + ids.incrementAndGet(), AuthorRole.CUSTOMER, Visibility.PUBLIC, "c1", text, Instant.now(),
        headers);
    messages.computeIfAbsent(conversation, k -> new ArrayList<>()).add(m);
    versions.merge(conversation, 1, Integer::sum);
    return m;
  }

  synchronized Message add(String conversation, AuthorRole role, Visibility visibility, String author, String text) {
    var m = new Message("m" + ids.incrementAndGet(), role, visibility, author, text, Instant.now());
    messages.computeIfAbsent(conversation, k -> new ArrayList<>()).add(m);
    versions.merge(conversation, 1, Integer::sum);
    return m;
  }

  synchronized List<Message> botMessages(String conversation, Visibility visibility) {
    return messages.getOrDefault(conversation, List.of()).stream()
        .filter(m -> m.role() == AuthorRole.BOT && m.visibility() == visibility).toList();
  }

  @Override
  public String vendor() {
    return "memory";
  }

  @Override
  public WebhookEndpoint webhook() {
    return new WebhookEndpoint() {
      @Override
      public void verify(WebhookRequest request) {}

      @Override
      public List<InboundEvent> decode(WebhookRequest request) {
        return List.of();
      }
    };
  }

  @Override
  public HelpdeskClient client() {
    return this;
  }

  @Override
  public Capabilities capabilities() {
    return new Capabilities(capabilities, 65_536);
  }

  @Override
  public ErrorMapper errorMapper() {
    return e -> VendorErrors.forIo(e.getMessage(), e);
  }

  @Override
  public Identity whoAmI() {
    startCalls.add("whoAmI");
    return new Identity(BOT, "Bot");
  }

  @Override
  public void checkRoutes(Set<String> targets) {
    startCalls.add("checkRoutes " + new java.util.TreeSet<>(targets));
    if (refuseRoutes != null) {
      throw refuseRoutes;
    }
  }

  @Override
  public synchronized Conversation load(LoadRequest request) {
    if (failNextLoads.getAndDecrement() > 0) {
      throw new IllegalStateException("connection reset (scripted)");
    }
    if (failNextLoadsWith404.get()) {
      throw new VendorException(VendorException.Kind.NOT_FOUND, "ticket gone (HTTP 404)", null);
    }
    loads.incrementAndGet();
    String id = request.key().externalId();
    var conversationTags = Set.copyOf(tags.getOrDefault(id, Set.of()));
    String assignee = assignees.getOrDefault(id, "");
    var owner = conversationTags.contains(HANDOVER_TAG) ? Owner.human("tag " + HANDOVER_TAG)
        : !assignee.isEmpty() && !assignee.equals(BOT) ? Owner.human("assignee " + assignee) : Owner.BOT;
    var conversation = new Conversation(request.key(), channel, "subject", new Customer("c1", "Ann", ""),
        groups.getOrDefault(id, ""), assignee, conversationTags, false,
        List.copyOf(messages.getOrDefault(id, List.of())), version(id), owner);
    Runnable after = afterNextLoad;
    afterNextLoad = null;
    if (after != null) {
      after.run();
    }
    return conversation;
  }

  private String version(String id) {
    return "v" + versions.getOrDefault(id, 0);
  }

  @Override
  public synchronized Applied apply(ApplyRequest request) {
    lastAttempt = request;
    Runnable before = beforeWrite;
    if (before != null) {
      before.run();
    }
    if (failNextWrites.getAndDecrement() > 0) {
      throw new VendorException(VendorException.Kind.NOT_PROCESSED, "HTTP 503 (scripted)", null);
    }
    var refused = refuse;
    if (refused != null && request.actions().stream().anyMatch(refused)) {
      throw new VendorException(VendorException.Kind.INVALID, "HTTP 422 (scripted refusal of " + request.actions()
          + ")", null);
    }
    if (!capabilities.contains(Capability.ATOMIC_UPDATE) && request.actions().size() > 1) {
      throw new VendorException(VendorException.Kind.INVALID,
          "one action per call without ATOMIC_UPDATE, got " + request.actions(), null);
    }
    if (request.actions().stream().anyMatch(a -> a instanceof Action.AssignGroup)
        && failNextAssignments.getAndDecrement() > 0) {
      throw new VendorException(VendorException.Kind.UNAVAILABLE, "read timed out (scripted)", null);
    }
    String id = request.conversation().key().externalId();
    Runnable during = duringNextWrite;
    duringNextWrite = null;
    if (during != null) {
      during.run();
    }
    String given = request.conversation().version();
    if (capabilities.contains(Capability.CONDITIONAL_WRITES) && !given.isEmpty() && !given.equals(version(id))) {
      throw new VendorException(VendorException.Kind.CONFLICT, "HTTP 409 (stale version)", null);
    }
    writes.incrementAndGet();
    applied.add(request.actions());
    linkedRecords.add(request.linkedRecord());
    var created = new ArrayList<String>();
    for (Action a : request.actions()) {
      if (a instanceof Action.PublicReply r) {
        created.add(add(id, AuthorRole.BOT, Visibility.PUBLIC, BOT, r.text()).id());
      } else if (a instanceof Action.InternalNote n) {
        created.add(add(id, AuthorRole.BOT, Visibility.INTERNAL, BOT, n.text()).id());
      } else if (a instanceof Action.AssignGroup g) {
        groups.put(id, g.groupId());
      } else if (a instanceof Action.AddTags t) {
        tags.computeIfAbsent(id, k -> new LinkedHashSet<>()).addAll(t.tags());
      }
    }
    versions.merge(id, 1, Integer::sum);
    if (landThenFailNextWrites.getAndDecrement() > 0) {
      throw new VendorException(VendorException.Kind.UNAVAILABLE, "read timed out (scripted)", null);
    }
    var held = holdBack;
    return new Applied(created, version(id), held == null ? List.of() : held.apply(request));
  }

  static InboundEvent messageEvent(String eventId, String conversation, Message m) {
    return new InboundEvent(eventId, conversation, InboundEvent.Kind.MESSAGE_ADDED, m.authorId(), Optional.of(m),
        Optional.empty(), m.createdAt());
  }

  static InboundEvent createdEvent(String eventId, String conversation) {
    return new InboundEvent(eventId, conversation, InboundEvent.Kind.CONVERSATION_CREATED, "", Optional.empty(),
        Optional.empty(), Instant.now());
  }

  /** A "created" event carrying a snapshot and the opening message without its id, as Zendesk's does. */
  static InboundEvent createdWithOpening(String eventId, String conversation, Message real) {
    var opening = real.withId("opening"); // the event does not know the message's id
    var snapshot = new Conversation(key(conversation), Channel.WEB_FORM, "subject", new Customer("c1", "Ann", ""),
        "", "", Set.of(), false, List.of(), "v1");
    return new InboundEvent(eventId, conversation, InboundEvent.Kind.CONVERSATION_CREATED, real.authorId(),
        Optional.empty(), Optional.of(snapshot), real.createdAt(), Optional.of(opening));
  }

  /** An event of {@code kind} (release, solved, reopened) without message or snapshot. */
  static InboundEvent event(String eventId, String conversation, InboundEvent.Kind kind) {
    return new InboundEvent(eventId, conversation, kind, "a1", Optional.empty(), Optional.empty(), Instant.now());
  }

  static InboundEvent updatedEvent(String eventId, String conversation) {
    return new InboundEvent(eventId, conversation, InboundEvent.Kind.UPDATED, "", Optional.empty(), Optional.empty(),
        Instant.now());
  }

  static ConversationKey key(String conversation) {
    return new ConversationKey("memory", "inst", conversation);
  }
}
