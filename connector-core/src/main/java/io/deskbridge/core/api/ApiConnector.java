package io.deskbridge.core.api;

import io.deskbridge.core.error.VendorException;
import io.deskbridge.core.spi.Capabilities;
import io.deskbridge.core.spi.Capability;
import io.deskbridge.core.spi.Connector;
import io.deskbridge.core.spi.ErrorMapper;
import io.deskbridge.core.spi.HelpdeskClient;
import io.deskbridge.core.spi.WebhookEndpoint;
import io.deskbridge.core.store.ConversationApiStore;
import io.deskbridge.core.store.StoreException;
import io.deskbridge.core.webhook.InboundEvent;
import io.deskbridge.core.webhook.WebhookRejectedException;
import io.deskbridge.core.webhook.WebhookRequest;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An installation of the built-in kind {@code api}: its "helpdesk" is Deskbridge's own store
 * ({@link ConversationApiStore}), its events come from the Conversation API instead of webhooks (its webhook
 * endpoint refuses everything), and a handover's note, group and message are one transaction
 * ({@link Capability#ATOMIC_UPDATE}). Thread-safe.
 */
public final class ApiConnector implements Connector {
  /** The user id of the bot's messages in API conversations. */
  static final String BOT_USER = "deskbridge-bot";
  /** The most characters of an internal note (the summary); the store keeps any length. */
  static final int MAX_NOTE_CHARS = 65_000;

  private final String installationId;
  private final ApiSettings settings;
  private final Clock clock;
  private final AtomicReference<ConversationApiStore> store = new AtomicReference<>();
  private final ApiHelpdeskClient client;

  ApiConnector(String installationId, ApiSettings settings, Clock clock) {
    this.installationId = Objects.requireNonNull(installationId, "installationId");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.client = new ApiHelpdeskClient(installationId, this::store, clock);
  }

  /** Binds the store the conversations live in; {@link io.deskbridge.core.Deskbridge} does it once it is open. */
  public void bind(ConversationApiStore conversations) {
    store.set(Objects.requireNonNull(conversations, "conversations"));
  }

  ConversationApiStore store() {
    var s = store.get();
    if (s == null) {
      throw new IllegalStateException("api installation '" + installationId + "' has no store bound: it runs only "
          + "inside Deskbridge.start");
    }
    return s;
  }

  /** Whether the installation has a callback URL (its answers are also POSTed, signed). */
  public boolean hasCallback() {
    return settings.callback().isPresent();
  }

  ApiSettings settings() {
    return settings;
  }

  String installationId() {
    return installationId;
  }

  Clock clock() {
    return clock;
  }

  @Override
  public String vendor() {
    return ApiConnectorFactory.VENDOR;
  }

  @Override
  public WebhookEndpoint webhook() {
    return new WebhookEndpoint() {
      @Override
      public void verify(WebhookRequest request) {
        throw WebhookRejectedException.withStatus(404, "installation '" + installationId
            + "' is a Conversation API installation: send messages to /api/v1/conversations/{id}/messages");
      }

      @Override
      public List<InboundEvent> decode(WebhookRequest request) {
        return List.of();
      }
    };
  }

  @Override
  public HelpdeskClient client() {
    return client;
  }

  @Override
  public Capabilities capabilities() {
    return new Capabilities(EnumSet.of(Capability.ATOMIC_UPDATE), MAX_NOTE_CHARS);
  }

  @Override
  public ErrorMapper errorMapper() {
    return failure -> {
      if (failure instanceof VendorException v) {
        return v;
      }
      if (failure instanceof StoreException) {
        return new VendorException(VendorException.Kind.UNAVAILABLE, "store: " + failure.getMessage(), failure);
      }
      return new VendorException(VendorException.Kind.INVALID, String.valueOf(failure), failure);
    };
  }
}
