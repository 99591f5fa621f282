package io.deskbridge.core.webhook;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The one thin HTTP adapter: {@code POST /webhooks/{installation}} goes to the {@link WebhookHandler},
 * {@code GET /health} answers {@code {"status":"up"}}, {@code GET /metrics} the Prometheus text. Bodies
 * larger than the limit get 413 before they are read. Javalin types do not leave this class.
 */
public final class WebhookServer implements AutoCloseable {
  private final Javalin app;

  private WebhookServer(Javalin app) {
    this.app = app;
  }

  /**
   * Starts listening.
   *
   * @param host         the address to bind, e.g. {@code 0.0.0.0} or {@code 127.0.0.1}
   * @param port         the port, 0 for any free port
   * @param maxBodyBytes the largest accepted body
   */
  public static WebhookServer start(String host, int port, long maxBodyBytes, WebhookHandler handler, Clock clock) {
    return start(host, port, maxBodyBytes, handler, clock, () -> "", () -> true);
  }

  /**
   * Starts listening, also serving {@code metrics} (Prometheus text format) at {@code GET /metrics};
   * {@code GET /health} answers 503 {@code {"status":"down"}} while {@code healthy} is false.
   */
  public static WebhookServer start(String host, int port, long maxBodyBytes, WebhookHandler handler, Clock clock,
      java.util.function.Supplier<String> metrics, java.util.function.BooleanSupplier healthy) {
    Javalin app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.http.maxRequestSize = maxBodyBytes;
      config.jetty.host = host;
      config.jetty.port = port;
      config.routes.get("/health", ctx -> {
        boolean up = healthy.getAsBoolean();
        ctx.status(up ? 200 : 503).contentType("application/json").result(up ? "{\"status\":\"up\"}" : "{\"status\":\"down\"}");
      });
      config.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.get()));
      config.routes.post("/webhooks/{installation}", ctx -> {
        long length = ctx.req().getContentLengthLong();
        if (length > maxBodyBytes) {
          write(ctx, WebhookResponse.error(413, "body larger than " + maxBodyBytes + " bytes"));
          return;
        }
        var request = new WebhookRequest("POST", ctx.path(), headers(ctx), ctx.bodyAsBytes(), clock.instant());
        write(ctx, handler.handle(ctx.pathParam("installation"), request));
      });
    });
    app.start();
    return new WebhookServer(app);
  }

  private static Map<String, List<String>> headers(Context ctx) {
    return java.util.Collections.list(ctx.req().getHeaderNames()).stream()
        .collect(Collectors.toMap(n -> n, n -> java.util.Collections.list(ctx.req().getHeaders(n)), (a, b) -> a));
  }

  private static void write(Context ctx, WebhookResponse response) {
    ctx.status(response.status()).contentType(response.contentType()).result(response.body());
  }

  /** The port it listens on. */
  public int port() {
    return app.port();
  }

  @Override
  public void close() {
    app.stop();
  }
}
