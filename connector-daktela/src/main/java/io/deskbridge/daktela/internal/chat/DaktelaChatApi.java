package io.deskbridge.daktela.internal.chat;

import com.fasterxml.jackson.databind.JsonNode;
import feign.Headers;
import feign.RequestLine;
import java.net.URI;

/**
 * The one call of the external-bot protocol, as a Feign interface: an answer POSTed to a chat's {@code response_url}
 * (the URI argument is the whole target, already checked against the configured instance). Failures are thrown as
 * {@link io.deskbridge.daktela.internal.mapping.DaktelaApiException} (an error status) or Feign's exceptions (no answer).
 */
interface DaktelaChatApi {
  @RequestLine("POST")
  @Headers({"Content-Type: application/json", "Accept: application/json"})
  JsonNode answer(URI responseUrl, JsonNode body);
}
