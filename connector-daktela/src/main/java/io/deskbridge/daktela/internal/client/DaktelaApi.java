package io.deskbridge.daktela.internal.client;

import com.fasterxml.jackson.databind.JsonNode;
import feign.Headers;
import feign.Param;
import feign.QueryMap;
import feign.RequestLine;
import java.util.Map;

/**
 * The Daktela REST API v6 calls the connector makes, as a Feign interface. Every answer is the whole envelope
 * ({@link DaktelaEnvelope} reads it); list queries are {@link DaktelaQuery#parameters()}, already encoded. Failures
 * are thrown as {@link io.deskbridge.daktela.internal.mapping.DaktelaApiException} (an error status) or Feign's
 * exceptions (no answer).
 */
@Headers("Accept: application/json")
interface DaktelaApi {

  /** The API user ({@code result.user.name}, {@code result.user.title}); the shape is unverified. */
  @RequestLine("GET /api/v6/whoim.json")
  JsonNode whoim();

  @RequestLine("GET /api/v6/tickets/{name}.json")
  JsonNode ticket(@Param("name") long name);

  @RequestLine("GET /api/v6/tickets.json")
  JsonNode tickets(@QueryMap(encoded = true) Map<String, Object> query);

  /** Creates a ticket: {@code title}, {@code category}, {@code stage}, {@code priority} required; answers 201. */
  @RequestLine("POST /api/v6/tickets.json")
  @Headers("Content-Type: application/json")
  JsonNode createTicket(JsonNode body);

  /** Partial merge: {@code category}, {@code user}, {@code stage} and the write-only {@code comment}. */
  @RequestLine("PUT /api/v6/tickets/{name}.json")
  @Headers("Content-Type: application/json")
  JsonNode updateTicket(@Param("name") long name, JsonNode body);

  @RequestLine("GET /api/v6/tickets/{name}/activities.json")
  JsonNode ticketActivities(@Param("name") long name, @QueryMap(encoded = true) Map<String, Object> query);

  @RequestLine("GET /api/v6/activities.json")
  JsonNode activities(@QueryMap(encoded = true) Map<String, Object> query);

  @RequestLine("POST /api/v6/activities.json")
  @Headers("Content-Type: application/json")
  JsonNode createActivity(JsonNode body);

  @RequestLine("GET /api/v6/ticketsCategories/{name}.json")
  JsonNode category(@Param("name") String name);

  @RequestLine("GET /api/v6/users/{name}.json")
  JsonNode user(@Param("name") String login);

  /**
   * Knowledge-base articles (the {@code articles} model; its path and fields are unverified, see
   * {@link DaktelaKnowledgeSource}).
   */
  @RequestLine("GET /api/v6/articles.json")
  JsonNode articles(@QueryMap(encoded = true) Map<String, Object> query);

  /** The agents' realtime sessions (state, pause); the shape is from third-party sources and unverified. */
  @RequestLine("GET /api/v6/realtimeSessions.json")
  JsonNode realtimeSessions(@QueryMap(encoded = true) Map<String, Object> query);
}
