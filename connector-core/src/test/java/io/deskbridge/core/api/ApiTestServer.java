package io.deskbridge.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deskbridge.core.Deskbridge;
import io.deskbridge.core.DeskbridgeConfig;
import io.deskbridge.core.config.Settings;
import io.deskbridge.core.contract.ConnectorHarness;
import io.deskbridge.core.engine.Connectors;
import io.deskbridge.core.engine.EngineSettings;
import io.deskbridge.core.engine.Mode;
import io.deskbridge.core.engine.RetryPolicy;
import io.deskbridge.core.engine.Routing;
import io.deskbridge.core.store.StoreConfig;
import io.deskbridge.core.store.TestDatabases;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Deskbridge started for real (the HTTP server, the engine, the bot on the contract kit's knowledge base, an H2
 * store) with three api installations: {@code web} (auto mode; routing group Shipping to {@code shipping-team}),
 * {@code other} and {@code limited} (3 requests a minute per key). Every answer the client gets is checked against
 * the OpenAPI document.
 */
final class ApiTestServer implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final TestDatabases.Source DATABASES = TestDatabases.h2("api");

  final Deskbridge deskbridge;
  final ApiKeys keys;
  private final StoreConfig database;
  private final HttpClient http = HttpClient.newHttpClient();
  final OpenApiContract contract = new OpenApiContract();

  ApiTestServer() {
    this(Map.of());
  }

  /** With the {@code web} installation's settings. */
  ApiTestServer(Map<String, Object> webSettings) {
    database = DATABASES.create();
    var config = new DeskbridgeConfig(new DeskbridgeConfig.Server("127.0.0.1", 0, 1 << 20), database,
        EngineSettings.DEFAULT.withWorkers(2), Path.of("unused-kb"), null, null, Settings.of("bot", Map.of()),
        List.of(installation("web", webSettings), installation("other", Map.of()),
            installation("limited", Map.of("rateLimitPerMinute", 3))));
    deskbridge = Deskbridge.start(config, ConnectorHarness.bot(), Connectors.discover(), Clock.systemUTC());
    keys = new ApiKeys(deskbridge.store().conversationApi(), Clock.systemUTC());
  }

  private static DeskbridgeConfig.InstallationConfig installation(String id, Map<String, Object> settings) {
    return new DeskbridgeConfig.InstallationConfig(id, "api", Mode.AUTO,
        new Routing("general-team", Map.of("Shipping", "shipping-team"), ""), RetryPolicy.DEFAULT, 0,
        Settings.of("installations[" + id + "].settings", settings));
  }

  /** A new key of an installation. */
  String key(String installation) {
    return keys.create(installation, "test").secret();
  }

  /** An answer, its body parsed. */
  record Answer(int status, HttpResponse<String> response, JsonNode body) {
    String header(String name) {
      return response.headers().firstValue(name).orElse(null);
    }
  }

  Answer post(String key, String path, String body, Map<String, String> headers) {
    var request = HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", "application/json");
    return send(key, request, headers);
  }

  Answer get(String key, String path) {
    return send(key, HttpRequest.newBuilder(uri(path)).GET(), Map.of());
  }

  /** A customer's message as the API takes it. */
  static String message(String text) {
    return JSON.createObjectNode().put("text", text).put("channel", "chat").toString();
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + deskbridge.port() + path);
  }

  private Answer send(String key, HttpRequest.Builder request, Map<String, String> headers) {
    if (key != null) {
      request.header("Authorization", "Bearer " + key);
    }
    headers.forEach(request::header);
    request.timeout(Duration.ofSeconds(30));
    try {
      var built = request.build();
      var response = http.send(built, HttpResponse.BodyHandlers.ofString());
      String path = built.uri().getPath();
      var template = contract.template(path);
      assertThat(template).as("a documented path: %s", path).isPresent();
      var contentType = response.headers().firstValue("Content-Type").orElse("");
      assertThat(contract.problems(template.get(), built.method().toLowerCase(), response.statusCode(), contentType,
          response.body())).as("%s %s answered %s %s", built.method(), path, response.statusCode(), response.body())
          .isEmpty();
      return new Answer(response.statusCode(), response, JSON.readTree(response.body()));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    deskbridge.close();
    DATABASES.drop(database);
  }
}
