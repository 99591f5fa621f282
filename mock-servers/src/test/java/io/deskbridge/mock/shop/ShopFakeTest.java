package io.deskbridge.mock.shop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deskbridge.mock.base.Fault;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ShopFakeTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private ShopFake shop;

  @BeforeEach
  void start() {
    shop = ShopFake.start();
  }

  @AfterEach
  void stop() {
    shop.close();
  }

  private HttpResponse<String> send(String method, String path, String token) throws Exception {
    var request = HttpRequest.newBuilder(URI.create(shop.baseUrl() + path))
        .method(method, HttpRequest.BodyPublishers.noBody());
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void servesAnOrderWithItsCustomerAndAGuestOrderWithout() throws Exception {
    var jana = send("GET", "/api/v1/orders/10042", ShopFake.TOKEN);
    assertThat(jana.statusCode()).isEqualTo(200);
    JsonNode order = JSON.readTree(jana.body());
    assertThat(order.path("status").asText()).isEqualTo("shipped");
    assertThat(order.path("customer").path("email").asText()).isEqualTo("jana.novakova@example.com");

    var guest = JSON.readTree(send("GET", "/api/v1/orders/10099", ShopFake.TOKEN).body());
    assertThat(guest.has("customer")).isFalse();
    assertThat(JSON.readTree(send("GET", "/api/v1/orders/ORD-2026-0007", ShopFake.TOKEN).body()).path("eta").isNull())
        .isTrue();
  }

  @Test
  void refusesAMissingOrWrongTokenAndAnswersAnUnknownOrder404() throws Exception {
    assertThat(send("GET", "/api/v1/orders/10042", null).statusCode()).isEqualTo(401);
    assertThat(send("GET", "/api/v1/orders/10042", "wrong").statusCode()).isEqualTo(401);
    var unknown = send("GET", "/api/v1/orders/99999", ShopFake.TOKEN);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(unknown.body()).path("error").asText()).isEqualTo("not_found");
    assertThat(shop.orderReads()).isEqualTo(3);
    assertThat(shop.unmatchedRequests()).isEmpty();
  }

  @Test
  void anythingElseIsUnmatchedAndListed() throws Exception {
    assertThat(send("POST", "/api/v1/orders/10042", ShopFake.TOKEN).statusCode()).isEqualTo(404);
    assertThat(send("GET", "/api/v1/orders/10042/items", ShopFake.TOKEN).statusCode()).isEqualTo(404);
    assertThat(send("GET", "/api/v1/customers/c-1001", ShopFake.TOKEN).statusCode()).isEqualTo(404);
    assertThat(shop.unmatchedRequests()).containsExactly("POST /api/v1/orders/10042",
        "GET /api/v1/orders/10042/items", "GET /api/v1/customers/c-1001");
  }

  @Test
  void injectedStatusesAreAnsweredInTheShopsShapeAndResetClearsEverything() throws Exception {
    shop.faults().failNext(1, new Fault.Status(503, 2));
    var failed = send("GET", "/api/v1/orders/10042", ShopFake.TOKEN);
    assertThat(failed.statusCode()).isEqualTo(503);
    assertThat(failed.headers().firstValue("Retry-After")).contains("2");
    assertThat(JSON.readTree(failed.body()).path("error").asText()).isEqualTo("injected");
    assertThat(send("GET", "/api/v1/orders/10042", ShopFake.TOKEN).statusCode()).isEqualTo(200);

    shop.put(new ShopFake.Order("10042", "lost", null, null, "1", "EUR", java.util.List.of(), null));
    shop.reset();
    assertThat(JSON.readTree(send("GET", "/api/v1/orders/10042", ShopFake.TOKEN).body()).path("status").asText())
        .isEqualTo("shipped");
    assertThat(shop.orderReads()).isEqualTo(1);
  }
}
