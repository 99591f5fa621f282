package io.deskbridge.daktela.internal.client;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deskbridge.core.config.Secret;
import io.deskbridge.core.error.VendorException;
import io.deskbridge.daktela.DaktelaConfig;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Daktela tickets that keep a web chat for a follow-up, over the same Feign set-up, token handling and error decoding
 * as the ticket connector ({@link DaktelaHttp}). A chat has at most one: its title names the chat, and
 * {@link #ensure} looks for a ticket with that title ({@code GET /api/v6/tickets.json}, filter {@code title eq}) before
 * it creates one ({@code POST /api/v6/tickets.json}: {@code title}, {@code category}, {@code stage OPEN},
 * {@code priority MEDIUM}, {@code description}), so a retry after a lost answer or a crash finds the first instead of
 * creating a second. Failures are thrown as {@link io.deskbridge.daktela.internal.mapping.DaktelaApiException} (an
 * error status) or Feign's exceptions (no answer), for the error mapper. Thread-safe.
 */
public final class DaktelaFollowUpTickets {
  private final DaktelaApi api;
  private final String category;

  /**
   * @param url      the instance, e.g. {@code https://acme.daktela.com}; the API is under {@code /api/v6}
   * @param category the ticket category's name ({@code categories_...}) the tickets go to
   */
  public DaktelaFollowUpTickets(URI url, DaktelaConfig.AuthIn authIn, Secret token, Duration timeout, Clock clock,
      String category) {
    var json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    this.api = DaktelaHttp.api(url, authIn, token, timeout, timeout, json, clock);
    this.category = category;
  }

  /**
   * Checks at start that the category exists ({@code GET /api/v6/ticketsCategories/{name}.json}), so that a wrong
   * name is one line then rather than a refused ticket at the first handover nobody can answer.
   *
   * @param setting where the category is set, e.g. {@code installations[chat].settings.followUpCategory}
   * @throws VendorException {@code INVALID} naming the setting when Daktela has no such category; other failures as
   *         they come (a refused token, no answer), for the error mapper
   */
  public void checkCategory(String setting) {
    try {
      api.category(category);
    } catch (io.deskbridge.daktela.internal.mapping.DaktelaApiException e) {
      if (e.status() == 404) {
        throw new VendorException(VendorException.Kind.INVALID, "the ticket category '" + category + "' does not "
            + "exist: set " + setting + " to a category's name (Manage > Tickets > Categories, e.g. categories_...)",
            null);
      }
      throw e;
    }
  }

  /** The title of the follow-up ticket of a chat: it names the chat, by which {@link #find} recognises it. */
  public static String title(String chat) {
    return "Web chat " + chat + ": follow-up";
  }

  /** The ticket number shown to people, {@code TK%08d}. */
  public static String shown(long number) {
    return "TK%08d".formatted(number);
  }

  /** The chat's follow-up ticket, if one exists. */
  public Optional<Long> find(String chat) {
    var query = DaktelaQuery.all().filter(DaktelaQuery.and(DaktelaQuery.eq("title", title(chat))))
        .fields("name", "title").take(10);
    return DaktelaEnvelope.page(api.tickets(query.parameters())).data().stream()
        .filter(t -> title(chat).equals(t.path("title").asText()))
        .map(t -> t.path("name").asLong(0)).filter(n -> n > 0).findFirst();
  }

  /**
   * The chat's follow-up ticket: the one found by its title, else a new one in the category holding
   * {@code description}.
   *
   * @return the ticket's number
   */
  public long ensure(String chat, String description) {
    var found = find(chat);
    if (found.isPresent()) {
      return found.get();
    }
    var body = new ObjectMapper().createObjectNode().put("title", title(chat)).put("category", category)
        .put("stage", "OPEN").put("priority", "MEDIUM").put("description", description);
    JsonNode record = DaktelaEnvelope.record(api.createTicket(body));
    long number = record.path("name").asLong(0);
    if (number <= 0) {
      throw new VendorException(VendorException.Kind.INVALID, "Daktela created the follow-up ticket of chat " + chat
          + " but its answer names no ticket number", null);
    }
    return number;
  }
}
