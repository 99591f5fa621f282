package io.deskbridge.zendesk.internal.client;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deskbridge.core.config.Secret;
import io.deskbridge.core.conversation.Conversation;
import io.deskbridge.core.conversation.ConversationKey;
import io.deskbridge.core.email.Links;
import io.deskbridge.core.error.VendorException;
import io.deskbridge.core.spi.HistoryReader;
import io.deskbridge.zendesk.internal.mapping.ZendeskMapping;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.asynchttpclient.AsyncHttpClient;
import org.asynchttpclient.Response;
import org.zendesk.client.v2.Zendesk;
import org.zendesk.client.v2.ZendeskException;
import org.zendesk.client.v2.ZendeskResponseException;
import org.zendesk.client.v2.ZendeskResponseRateLimitException;
import org.zendesk.client.v2.model.Comment;
import org.zendesk.client.v2.model.Status;
import org.zendesk.client.v2.model.Ticket;

/**
 * Solved and closed Zendesk tickets for history replay: the cursor-based incremental ticket export
 * ({@code GET /api/v2/incremental/tickets/cursor.json}, {@code start_time} first, then {@code cursor}; zendesk-java-client
 * has only the time-based export, so this one call goes through the client's own HTTP client, authenticated the same
 * way, and its tickets are read with the client's model), keeping the tickets whose status is {@code solved} or
 * {@code closed}; then each ticket's comments through the client ({@code getTicketComments}), internal notes left
 * out, the bot's own comments kept as {@code BOT}. Links come from each comment's {@code html_body}. Thread-safe.
 *
 * <p>Zendesk allows 10 export requests a minute (30 with High Volume); a 429 is thrown as the client's
 * {@link ZendeskResponseRateLimitException}, which the connector's error mapper maps with its {@code Retry-After}.
 */
final class ZendeskHistoryReader implements HistoryReader {
  /** Tickets a page: the export's maximum, so a month of tickets costs few of the 10 export calls a minute. */
  static final int PER_PAGE = 1000;

  private final String installationId;
  private final Zendesk zendesk;
  private final AsyncHttpClient http;
  private final URI url;
  private final String authorization;
  private final Supplier<String> botUserId;
  private final int perPage;
  private final ObjectMapper mapper = Zendesk.createMapper(
      m -> m.enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL));

  ZendeskHistoryReader(String installationId, Zendesk zendesk, AsyncHttpClient http, URI url, String email,
      Secret token, Supplier<String> botUserId, int perPage) {
    this.installationId = installationId;
    this.zendesk = zendesk;
    this.http = http;
    this.url = url;
    this.authorization = "Basic " + Base64.getEncoder()
        .encodeToString((email + "/token:" + token.reveal()).getBytes(StandardCharsets.UTF_8));
    this.botUserId = botUserId;
    this.perPage = perPage;
  }

  @Override
  public HistoryPage page(Instant since, Optional<String> cursor) {
    var request = http.prepareGet(url.toString().replaceAll("/+$", "") + "/api/v2/incremental/tickets/cursor.json")
        .setHeader("Authorization", authorization)
        .setHeader("Accept", "application/json")
        .addQueryParam("per_page", String.valueOf(perPage));
    if (cursor.isPresent()) {
      request.addQueryParam("cursor", cursor.get());
    } else {
      request.addQueryParam("start_time", String.valueOf(since.getEpochSecond()));
    }
    JsonNode body = read(request.execute());
    var past = new ArrayList<PastConversation>();
    for (JsonNode node : body.path("tickets")) {
      Ticket ticket;
      try {
        ticket = mapper.treeToValue(node, Ticket.class);
      } catch (IOException e) {
        throw new VendorException(VendorException.Kind.INVALID,
            "Zendesk's ticket export returned a ticket this client cannot read: " + e.getMessage(), e);
      }
      if (ticket.getId() == null || !(ticket.getStatus() == Status.SOLVED || ticket.getStatus() == Status.CLOSED)) {
        continue;
      }
      Instant updated = ticket.getUpdatedAt() == null ? since : ticket.getUpdatedAt().toInstant();
      if (updated.isBefore(since)) {
        continue;
      }
      past.add(conversation(ticket, updated));
    }
    boolean end = body.path("end_of_stream").asBoolean(true);
    String after = body.path("after_cursor").asText("");
    return new HistoryPage(past, end || after.isEmpty() ? Optional.empty() : Optional.of(after));
  }

  private PastConversation conversation(Ticket ticket, Instant updated) {
    var key = new ConversationKey("zendesk", installationId, ticket.getId().toString());
    var header = ZendeskMapping.header(key, ticket);
    var comments = new ArrayList<Comment>();
    var links = new LinkedHashMap<String, List<String>>();
    for (Comment c : zendesk.getTicketComments(ticket.getId())) {
      if (Boolean.FALSE.equals(c.isPublic())) {
        continue; // internal notes: the customer never saw them
      }
      comments.add(c);
      var found = Links.in(c.getHtmlBody() != null ? c.getHtmlBody() : c.getBody());
      if (!found.isEmpty()) {
        links.put(String.valueOf(c.getId()), found);
      }
    }
    Conversation conversation = ZendeskMapping.conversation(key, header, comments, botUserId.get());
    return new PastConversation(conversation, updated, links);
  }

  private JsonNode read(org.asynchttpclient.ListenableFuture<Response> call) {
    return read(call, mapper, "ticket export");
  }

  /**
   * The JSON body of one call made through the client's HTTP client, failing as the client's own calls do: 429 as
   * {@link ZendeskResponseRateLimitException}, another non-2xx as {@link ZendeskResponseException}.
   *
   * @param what the call, named in the error when the answer is not JSON
   */
  static JsonNode read(org.asynchttpclient.ListenableFuture<Response> call, ObjectMapper mapper, String what) {
    Response response;
    try {
      response = call.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ZendeskException(e);
    } catch (ExecutionException e) {
      throw new ZendeskException(e.getCause() == null ? e : e.getCause());
    }
    int status = response.getStatusCode();
    if (status == 429) {
      throw new ZendeskResponseRateLimitException(response);
    }
    if (status / 100 != 2) {
      throw new ZendeskResponseException(response);
    }
    try {
      return mapper.readTree(response.getResponseBodyAsStream());
    } catch (IOException e) {
      throw new VendorException(VendorException.Kind.INVALID,
          "Zendesk's " + what + " answered something other than JSON: " + e.getMessage(), e);
    }
  }
}
