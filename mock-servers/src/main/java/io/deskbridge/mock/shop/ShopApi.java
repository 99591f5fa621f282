package io.deskbridge.mock.shop;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.deskbridge.mock.base.FakeServer;
import io.deskbridge.mock.base.Fault;
import io.deskbridge.mock.base.RequestLine;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The shop fake's WireMock transformer: auth, faults, the orders resource, the journal. Thread-safe. */
final class ShopApi implements ResponseDefinitionTransformerV2 {
  private static final Logger LOG = LoggerFactory.getLogger(ShopApi.class);
  private static final String JSON_TYPE = "application/json; charset=utf-8";

  private final ShopFake fake;

  ShopApi(ShopFake fake) {
    this.fake = fake;
  }

  @Override
  public String getName() {
    return "deskbridge-shop-fake";
  }

  @Override
  public ResponseDefinition transform(ServeEvent serveEvent) {
    Request request = serveEvent.getRequest();
    RequestLine line = RequestLine.of(request);
    String path = line.path();
    String method = line.method();
    var journal = fake.journal();
    var now = fake.clock().instant();
    if (!method.equals("GET") || !path.startsWith(ShopFake.ORDERS) || path.length() == ShopFake.ORDERS.length()
        || path.indexOf('/', ShopFake.ORDERS.length()) >= 0) {
      journal.unmatched(method + " " + line.url());
      LOG.warn("Shop fake: unmatched request {} {}", method, line.url());
      return reply(404, error("not_served", "the shop fake does not serve " + method + " " + path), Duration.ZERO);
    }
    String number = URLDecoder.decode(path.substring(ShopFake.ORDERS.length()), StandardCharsets.UTF_8);
    String auth = request.getHeader("Authorization");
    if (!("Bearer " + ShopFake.TOKEN).equals(auth)) {
      journal.record(now, method, path, line.query(), number, 401, null, "");
      return reply(401, error("unauthorized", "send Authorization: Bearer <token>"), Duration.ZERO);
    }
    var fault = fake.fault(method, path);
    Duration wait = fake.delayAll();
    if (fault.isPresent() && fault.get() instanceof Fault.Status status) {
      journal.record(now, method, path, line.query(), number, status.status(), status, "");
      return reply(status.status(), error("injected", "injected " + status.status()), Duration.ZERO,
          status.retryAfterSeconds() == null ? Map.of() : Map.of("Retry-After", status.retryAfterSeconds() + ""));
    }
    if (fault.isPresent() && fault.get() instanceof Fault.Delay delay) {
      wait = wait.plus(delay.delay());
    }
    var record = fake.record(number);
    journal.record(now, method, path, line.query(), number, record.isPresent() ? 200 : 404, fault.orElse(null), "");
    Duration late = wait;
    return record.map(body -> reply(200, body, late))
        .orElseGet(() -> reply(404, error("not_found", "no order " + number), late));
  }

  @SafeVarargs
  private static ResponseDefinition reply(int status, byte[] body, Duration wait, Map<String, String>... headers) {
    return FakeServer.response(status, JSON_TYPE, body, wait, headers);
  }

  private static byte[] error(String code, String message) {
    var node = ShopFake.JSON.createObjectNode().put("error", code).put("message", message);
    return node.toString().getBytes(StandardCharsets.UTF_8);
  }
}
