package io.deskbridge.core.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks real answers against the checked-in OpenAPI 3.1 document: the operation (path template and method) must
 * document the status, its media type must be the answer's, and the body must be valid against its schema, validated
 * by networknt's json-schema-validator with its OpenAPI 3.1 dialect (JSON Schema 2020-12 plus OpenAPI's keywords).
 */
final class OpenApiContract {
  private static final String IRI = "https://deskbridge.test/openapi/conversation-api-v1.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final JsonNode document;
  private final SchemaRegistry registry;
  private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

  OpenApiContract() {
    String text = ConversationApi.openApiDocument();
    try {
      document = JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    registry = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31(), b -> b.schemas(Map.of(IRI, text)));
  }

  /**
   * The problems of one answer; empty when it is as documented.
   *
   * @param template    the path as the document names it, e.g. {@code /api/v1/conversations/{conversationId}}
   * @param method      lower case, e.g. {@code post}
   * @param contentType the answer's Content-Type
   */
  List<String> problems(String template, String method, int status, String contentType, String body) {
    var operation = document.path("paths").path(template).path(method);
    if (operation.isMissingNode()) {
      return List.of("the document has no operation " + method.toUpperCase() + " " + template);
    }
    var response = operation.path("responses").path(Integer.toString(status));
    if (response.isMissingNode()) {
      return List.of(method.toUpperCase() + " " + template + " does not document status " + status);
    }
    String mediaType = contentType == null ? "" : contentType.split(";")[0].strip();
    var content = response.path("content");
    if (!content.has(mediaType)) {
      return List.of(method.toUpperCase() + " " + template + " " + status + " documents " + fieldNames(content)
          + ", the answer is " + mediaType);
    }
    String pointer = "/paths/" + escape(template) + "/" + method + "/responses/" + status + "/content/"
        + escape(mediaType) + "/schema";
    var schema = schemas.computeIfAbsent(pointer, p -> registry.getSchema(SchemaLocation.of(IRI + "#" + p)));
    var out = new ArrayList<String>();
    schema.validate(body, InputFormat.JSON).forEach(e -> out.add(e.getInstanceLocation() + ": " + e.getMessage()));
    return out;
  }

  /** The document's path template matching a concrete path, if any. */
  Optional<String> template(String path) {
    var names = new ArrayList<String>();
    document.path("paths").fieldNames().forEachRemaining(names::add);
    return names.stream().filter(t -> path.matches(t.replaceAll("\\{[^}]+}", "[^/]+"))).findFirst();
  }

  private static List<String> fieldNames(JsonNode node) {
    var names = new ArrayList<String>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }
}
