package io.deskbridge.zendesk.internal.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.deskbridge.core.action.Action;
import io.deskbridge.core.config.Secret;
import io.deskbridge.core.conversation.Conversation;
import io.deskbridge.core.error.VendorException;
import io.deskbridge.core.spi.HelpdeskClient;
import io.deskbridge.core.webhook.InboundEvent;
import io.deskbridge.zendesk.internal.mapping.ZendeskMapping;
import io.deskbridge.zendesk.internal.mapping.ZendeskOwnership;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.asynchttpclient.AsyncHttpClient;
import org.asynchttpclient.DefaultAsyncHttpClient;
import org.asynchttpclient.DefaultAsyncHttpClientConfig;
import org.zendesk.client.v2.Zendesk;
import org.zendesk.client.v2.ZendeskException;
import org.zendesk.client.v2.ZendeskResponseException;
import org.zendesk.client.v2.model.Comment;
import org.zendesk.client.v2.model.Ticket;
import org.zendesk.client.v2.model.User;

/**
 * Zendesk API calls through zendesk-java-client, with our own HTTP client so the request timeout is ours.
 * Every write is one ticket update ({@code PUT /api/v2/tickets/{id}}) carrying one comment (public reply or
 * internal note) and, with it, the group and the tags. Thread-safe.
 */
public final class ZendeskHelpdeskClient implements HelpdeskClient {
  private final String installationId;
  private final AsyncHttpClient http;
  private final Zendesk zendesk;
  private final AtomicReference<String> botUserId = new AtomicReference<>("");
  private final URI url;
  private final String email;
  private final String settingsPath;
  private final ZendeskOwnership ownership;
  private final Secret token;

  /**
   * @param settingsPath where the settings are in the configuration, e.g. {@code installations[acme].settings}, to
   *                     name them when the start-up call fails
   * @param handoverTag  the installation's handover tag: a ticket carrying it is owned by people
   */
  public ZendeskHelpdeskClient(String installationId, URI url, String email, Secret token, Duration timeout,
      String settingsPath, String handoverTag) {
    this.installationId = installationId;
    this.ownership = new ZendeskOwnership(handoverTag, botUserId::get);
    this.url = url;
    this.email = email;
    this.settingsPath = settingsPath;
    this.token = token;
    this.http = new DefaultAsyncHttpClient(new DefaultAsyncHttpClientConfig.Builder()
        .setConnectTimeout(timeout)
        .setRequestTimeout(timeout)
        .setReadTimeout(timeout)
        .setFollowRedirect(false)
        .build());
    this.zendesk = new Zendesk.Builder(url.toString().replaceAll("/+$", ""))
        .setClient(http)
        .setUsername(email)
        .setToken(token.reveal())
        .build();
  }

  /**
   * {@code GET /api/v2/users/me}. A failure an admin fixes in the settings names them: a refused token (401) names
   * {@code apiToken} and {@code email}, a refusal (403) the agent's token access, an unknown host or a URL without
   * the Zendesk API (404) {@code url}. These are not retriable; other failures map as any call's do.
   */
  @Override
  public Identity whoAmI() {
    User me;
    try {
      me = zendesk.getCurrentUser();
    } catch (ZendeskResponseException e) {
      throw switch (e.getStatusCode()) {
        case 401 -> new VendorException(VendorException.Kind.AUTH,
            "Zendesk refused the API token for " + email + " (HTTP 401): set " + settingsPath + ".apiToken to an "
                + "active API token (Admin Center > Apps and integrations > APIs > Zendesk API) and " + settingsPath
                + ".email to the agent it authenticates as", e);
        case 403 -> new VendorException(VendorException.Kind.FORBIDDEN,
            "Zendesk refused " + email + " access to the API (HTTP 403): make " + settingsPath + ".email an agent "
                + "and allow API token access in the Admin Center", e);
        case 404 -> new VendorException(VendorException.Kind.NOT_FOUND,
            url + " has no Zendesk API (HTTP 404 on /api/v2/users/me): set " + settingsPath
                + ".url to https://{subdomain}.zendesk.com", e);
        default -> e;
      };
    } catch (ZendeskException e) {
      if (causedBy(e, UnknownHostException.class)) {
        throw new VendorException(VendorException.Kind.NOT_FOUND, "the host of " + url
            + " is unknown: set " + settingsPath + ".url to https://{subdomain}.zendesk.com (or check this "
            + "machine's DNS)", e);
      }
      throw e;
    }
    if (me == null || me.getId() == null) {
      throw new VendorException(VendorException.Kind.AUTH,
          "Zendesk did not say who the API token belongs to; check " + settingsPath + ".url", null);
    }
    botUserId.set(me.getId().toString());
    return new Identity(me.getId().toString(), me.getName());
  }

  /**
   * The reader of the account's solved tickets for history replay ({@link ZendeskHistoryReader}), over this client's
   * Zendesk client and HTTP client; the bot's own comments are told apart once {@link #whoAmI} ran.
   */
  public io.deskbridge.core.spi.HistoryReader history() {
    return history(ZendeskHistoryReader.PER_PAGE);
  }

  /** As {@link #history()}, {@code perPage} tickets a page (tests read small pages). */
  io.deskbridge.core.spi.HistoryReader history(int perPage) {
    return new ZendeskHistoryReader(installationId, zendesk, http, url, email, token, botUserId::get, perPage);
  }

  /** The reader of the account's satisfaction ratings ({@link ZendeskSatisfactionSource}) over this client's HTTP client. */
  public io.deskbridge.core.spi.SatisfactionSource satisfaction() {
    return satisfaction(ZendeskSatisfactionSource.PAGE_SIZE);
  }

  /** As {@link #satisfaction()}, {@code pageSize} ratings a page (tests read small pages). */
  io.deskbridge.core.spi.SatisfactionSource satisfaction(int pageSize) {
    return new ZendeskSatisfactionSource(http, url, email, token, pageSize);
  }

  /** The SDK client, shared with the Help Center reader ({@code internal.knowledge}). */
  public Zendesk sdk() {
    return zendesk;
  }

  /** How this client tells who owns a ticket (the bot's user id is known after {@link #whoAmI}). */
  public ZendeskOwnership ownership() {
    return ownership;
  }

  /**
   * Reads the comments; the ticket itself only when the triggering event carried no snapshot of it. The owner is
   * reported from the tags and the assignee ({@link ZendeskOwnership}).
   */
  @Override
  public Conversation load(LoadRequest request) {
    long id = ticketId(request.key().externalId());
    Conversation header = request.trigger().flatMap(InboundEvent::snapshot).orElseGet(() -> {
      Ticket ticket = zendesk.getTicket(id);
      if (ticket == null) {
        throw new VendorException(VendorException.Kind.NOT_FOUND,
            "Zendesk ticket " + id + " not found", null);
      }
      return ZendeskMapping.header(request.key(), ticket);
    });
    var conversation = ZendeskMapping.conversation(request.key(), header, zendesk.getTicketComments(id), botUserId.get());
    return conversation.withOwner(ownership.of(conversation.tags(), conversation.assigneeId()));
  }

  /**
   * One ticket update. When the conversation has a version (the ticket's {@code updated_at}), the update is
   * sent with {@code safe_update} and {@code updated_stamp}, so Zendesk answers 409 if the ticket changed
   * since: an agent's comment whose webhook has not arrived yet is never answered over.
   */
  @Override
  public Applied apply(ApplyRequest request) {
    Conversation conversation = request.conversation();
    var update = new StampedTicket();
    update.setId(ticketId(conversation.key().externalId()));
    if (!conversation.version().isEmpty()) {
      update.setSafeUpdate(true);
      update.updatedStamp = conversation.version();
    }
    var tags = new LinkedHashSet<>(conversation.tags());
    boolean tagsChanged = false;
    for (Action action : request.actions()) {
      if (action instanceof Action.PublicReply reply) {
        update.setComment(comment(reply.text(), true));
      } else if (action instanceof Action.InternalNote note) {
        update.setComment(comment(note.text(), false));
      } else if (action instanceof Action.AssignGroup group) {
        update.setGroupId(groupId(group.groupId()));
      } else if (action instanceof Action.AddTags add) {
        tagsChanged |= tags.addAll(add.tags());
      }
    }
    if (tagsChanged) {
      update.setTags(new ArrayList<>(tags)); // "tags" replaces the list, so send the union
    }
    Ticket updated = zendesk.updateTicket(update);
    String version = updated == null || updated.getUpdatedAt() == null ? "" : updated.getUpdatedAt().toInstant().toString();
    return new Applied(List.of(), version);
  }

  /**
   * A ticket update with Zendesk's {@code updated_stamp}, which the client's model does not have. The
   * client's mapper serialises public getters only, hence the getter.
   */
  static final class StampedTicket extends Ticket {
    private String updatedStamp;

    @JsonProperty("updated_stamp")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public String getUpdatedStamp() {
      return updatedStamp;
    }
  }

  private static Comment comment(String text, boolean isPublic) {
    var comment = new Comment(text);
    comment.setPublic(isPublic);
    return comment;
  }

  private long groupId(String id) {
    try {
      return Long.parseLong(id);
    } catch (NumberFormatException e) {
      throw new VendorException(VendorException.Kind.INVALID,
          installationId + ": Zendesk group id must be a number, was '" + id + "'", e);
    }
  }

  private static long ticketId(String id) {
    try {
      return Long.parseLong(id);
    } catch (NumberFormatException e) {
      throw new VendorException(VendorException.Kind.INVALID,
          "Zendesk ticket id must be a number, was '" + id + "'", e);
    }
  }

  /** Closes the Zendesk client and the HTTP client it uses. */
  public void close() {
    zendesk.close();
    try {
      http.close();
    } catch (java.io.IOException e) {
      // closing only releases threads and connections; nothing to recover
    }
  }

  private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }
}
