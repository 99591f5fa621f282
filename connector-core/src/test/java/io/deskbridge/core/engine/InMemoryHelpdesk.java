package io.deskbridge.core.engine;

import io.deskbridge.core.action.Action;
import io.deskbridge.core.conversation.AuthorRole;
import io.deskbridge.core.conversation.Channel;
import io.deskbridge.core.conversation.Conversation;
import io.deskbridge.core.conversation.ConversationKey;
import io.deskbridge.core.conversation.Customer;
import io.deskbridge.core.conversation.Message;
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

/** A tiny helpdesk that keeps conversations in memory, for offline engine tests. Thread-safe enough for them. */
final class InMemoryHelpdesk implements Connector, HelpdeskClient {
  static final String BOT = "bot-1";
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
  /** Runs inside the next write, before its version check: someone else writes at just that moment. */
  volatile Runnable duringNextWrite;
  final Map<String, Integer> versions = new ConcurrentHashMap<>();
  private final AtomicInteger ids = new AtomicInteger();

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
    return new Capabilities(java.util.EnumSet.of(Capability.CONDITIONAL_WRITES, Capability.ATOMIC_UPDATE, Capability.TAGS), 65_536);
  }

  @Override
  public ErrorMapper errorMapper() {
    return e -> VendorErrors.forIo(e.getMessage(), e);
  }

  @Override
  public Identity whoAmI() {
    return new Identity(BOT, "Bot");
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
    return new Conversation(request.key(), Channel.WEB_FORM, "subject", new Customer("c1", "Ann", ""),
        groups.getOrDefault(id, ""), "", tags.getOrDefault(id, Set.of()), false,
        List.copyOf(messages.getOrDefault(id, List.of())), version(id));
  }

  private String version(String id) {
    return "v" + versions.getOrDefault(id, 0);
  }

  @Override
  public synchronized Applied apply(ApplyRequest request) {
    if (failNextWrites.getAndDecrement() > 0) {
      throw new VendorException(VendorException.Kind.NOT_PROCESSED, "HTTP 503 (scripted)", null);
    }
    String id = request.conversation().key().externalId();
    Runnable during = duringNextWrite;
    duringNextWrite = null;
    if (during != null) {
      during.run();
    }
    String given = request.conversation().version();
    if (!given.isEmpty() && !given.equals(version(id))) {
      throw new VendorException(VendorException.Kind.CONFLICT, "HTTP 409 (stale version)", null);
    }
    writes.incrementAndGet();
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
    return new Applied(created, version(id));
  }

  static InboundEvent messageEvent(String eventId, String conversation, Message m) {
    return new InboundEvent(eventId, conversation, InboundEvent.Kind.MESSAGE_ADDED, m.authorId(), Optional.of(m),
        Optional.empty(), m.createdAt());
  }

  static InboundEvent createdEvent(String eventId, String conversation) {
    return new InboundEvent(eventId, conversation, InboundEvent.Kind.CONVERSATION_CREATED, "", Optional.empty(),
        Optional.empty(), Instant.now());
  }

  /** A "created" event carrying a snapshot and the opening message as a provisional one, as Zendesk's does. */
  static InboundEvent createdWithOpening(String eventId, String conversation, Message real) {
    var opening = Message.provisional("opening", real.role(), real.visibility(), real.authorId(), real.text(),
        real.createdAt());
    var snapshot = new Conversation(key(conversation), Channel.WEB_FORM, "subject", new Customer("c1", "Ann", ""),
        "", "", Set.of(), false, List.of(), "v1");
    return new InboundEvent(eventId, conversation, InboundEvent.Kind.CONVERSATION_CREATED, real.authorId(),
        Optional.of(opening), Optional.of(snapshot), real.createdAt());
  }

  static InboundEvent updatedEvent(String eventId, String conversation) {
    return new InboundEvent(eventId, conversation, InboundEvent.Kind.UPDATED, "", Optional.empty(), Optional.empty(),
        Instant.now());
  }

  static ConversationKey key(String conversation) {
    return new ConversationKey("memory", "inst", conversation);
  }
}
