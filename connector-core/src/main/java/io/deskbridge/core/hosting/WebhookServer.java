package io.deskbridge.core.hosting;

import io.deskbridge.core.webhook.LogSafe;
import io.deskbridge.core.webhook.WebhookRequest;
import io.deskbridge.core.webhook.WebhookResponse;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.EagerContentHandler;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thin HTTP adapter: {@code POST /webhooks/{installation}} and {@code POST /webhooks/{installation}/{token}}
 * go to the {@link WebhookHandler} as a {@link WebhookRequest} (path, token segment included, query parameters,
 * headers, body, the client's address),
 * {@code GET /health} answers {@code {"status":"up"}}, {@code GET /metrics} the Prometheus text, and every
 * {@code GET} and {@code POST} under {@code /api/v1/} goes to the Conversation API's {@link ApiRoutes}, and
 * {@code /admin} with everything under it to the admin dashboard's. Bodies
 * larger than the limit get 413 before they are read. Javalin types do not leave this class.
 *
 * <p>Slow or hostile clients cannot starve it: a webhook body is read without holding a thread (Jetty's
 * {@link EagerContentHandler} gathers it before the route runs), a connection idle for the idle timeout is
 * closed, a webhook whose body is not complete within the idle timeout after its headers gets 408 and its
 * connection is closed, and at most {@link Limits#maxConnections()} connections are open at once (at the cap
 * Jetty stops accepting and cuts idle connections after {@value #IDLE_AT_LIMIT_MILLIS} ms). A client that goes away or times out before its
 * body arrived costs one DEBUG line, no stack trace.
 */
public final class WebhookServer implements AutoCloseable {
  /** The idle timeout of open connections while the connection limit is reached. */
  static final long IDLE_AT_LIMIT_MILLIS = 1000;

  private static final Logger log = LoggerFactory.getLogger(WebhookServer.class);

  private final Javalin app;

  private WebhookServer(Javalin app) {
    this.app = app;
  }

  /**
   * How much the server takes from clients.
   *
   * @param maxBodyBytes   the largest accepted body
   * @param maxConnections the most connections open at once, at least 1
   * @param idleTimeout    how long a connection may send nothing before it is closed, and how long a webhook
   *                       body may take to arrive after its headers; positive
   */
  public record Limits(long maxBodyBytes, int maxConnections, Duration idleTimeout) {
    /** The connection cap when none is configured. */
    public static final int DEFAULT_MAX_CONNECTIONS = 1000;
    /** The idle timeout when none is configured. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(10);

    public Limits {
      if (maxBodyBytes < 1) {
        throw new IllegalArgumentException("maxBodyBytes must be positive, got " + maxBodyBytes);
      }
      if (maxConnections < 1) {
        throw new IllegalArgumentException("maxConnections must be at least 1, got " + maxConnections);
      }
      Objects.requireNonNull(idleTimeout, "idleTimeout");
      if (idleTimeout.isNegative() || idleTimeout.isZero()) {
        throw new IllegalArgumentException("idleTimeout must be positive, got " + idleTimeout);
      }
    }

    /** The body limit with the default connection cap and idle timeout. */
    public static Limits of(long maxBodyBytes) {
      return new Limits(maxBodyBytes, DEFAULT_MAX_CONNECTIONS, DEFAULT_IDLE_TIMEOUT);
    }
  }

  /**
   * Starts listening.
   *
   * @param host         the address to bind, e.g. {@code 0.0.0.0} or {@code 127.0.0.1}
   * @param port         the port, 0 for any free port
   * @param maxBodyBytes the largest accepted body
   */
  public static WebhookServer start(String host, int port, long maxBodyBytes, WebhookHandler handler, Clock clock) {
    return start(host, port, Limits.of(maxBodyBytes), handler, clock, () -> "", () -> true);
  }

  /**
   * Starts listening with the default connection cap and idle timeout, also serving {@code metrics}
   * (Prometheus text format) at {@code GET /metrics}; {@code GET /health} answers 503
   * {@code {"status":"down"}} while {@code healthy} is false.
   */
  public static WebhookServer start(String host, int port, long maxBodyBytes, WebhookHandler handler, Clock clock,
      Supplier<String> metrics, BooleanSupplier healthy) {
    return start(host, port, Limits.of(maxBodyBytes), handler, clock, metrics, healthy);
  }

  /**
   * Starts listening with the given limits, also serving {@code metrics} (Prometheus text format) at
   * {@code GET /metrics}; {@code GET /health} answers 503 {@code {"status":"down"}} while {@code healthy} is
   * false.
   */
  public static WebhookServer start(String host, int port, Limits limits, WebhookHandler handler, Clock clock,
      Supplier<String> metrics, BooleanSupplier healthy) {
    return start(host, port, limits, handler, clock, metrics, healthy, ApiRoutes.NONE);
  }

  /**
   * As {@link #start(String, int, Limits, WebhookHandler, Clock, Supplier, BooleanSupplier)}, also serving the
   * Conversation API: every {@code GET} and {@code POST} under {@code /api/v1/} goes to {@code api} (bodies over the
   * limit get 413 first).
   */
  public static WebhookServer start(String host, int port, Limits limits, WebhookHandler handler, Clock clock,
      Supplier<String> metrics, BooleanSupplier healthy, ApiRoutes api) {
    return start(host, port, limits, handler, clock, metrics, healthy, api, ADMIN_OFF);
  }

  /** No admin dashboard: {@code /admin} answers 404 with the reason. */
  public static final ApiRoutes ADMIN_OFF = request -> WebhookResponse.error(404,
      "the admin dashboard is off: set admin.token ({env: NAME} or {file: PATH}) in the configuration");

  /**
   * As {@link #start(String, int, Limits, WebhookHandler, Clock, Supplier, BooleanSupplier, ApiRoutes)}, also serving
   * the admin dashboard: {@code GET /admin}, every {@code GET} under {@code /admin/} and every {@code POST} under
   * {@code /admin/api/} go to {@code admin} (bodies over the limit get 413 first).
   */
  public static WebhookServer start(String host, int port, Limits limits, WebhookHandler handler, Clock clock,
      Supplier<String> metrics, BooleanSupplier healthy, ApiRoutes api, ApiRoutes admin) {
    long maxBodyBytes = limits.maxBodyBytes();
    Javalin app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.http.maxRequestSize = maxBodyBytes;
      config.jetty.addConnector((server, http) -> {
        var connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        connector.setIdleTimeout(limits.idleTimeout().toMillis());
        return connector;
      });
      config.jetty.modifyServer(server -> {
        var limit = new NetworkConnectionLimit(limits.maxConnections(), server);
        limit.setEndPointIdleTimeout(IDLE_AT_LIMIT_MILLIS);
        server.addBean(limit);
        // gathers a webhook's body without a thread, then runs the route; bigger bodies are refused below
        var eager = new BodyFirst(Math.min(maxBodyBytes + 1, Integer.MAX_VALUE), limits.idleTimeout());
        eager.includeMethod("POST");
        eager.includePath("/webhooks/*");
        eager.includePath("/api/*");
        eager.includePath("/admin/*");
        server.insertHandler(eager);
      });
      config.routes.get("/health", ctx -> {
        boolean up = healthy.getAsBoolean();
        ctx.status(up ? 200 : 503).contentType("application/json").result(up ? "{\"status\":\"up\"}" : "{\"status\":\"down\"}");
      });
      config.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.get()));
      Handler webhook = ctx -> {
        String installation = ctx.pathParam("installation");
        long length = ctx.req().getContentLengthLong();
        if (length > maxBodyBytes) {
          write(ctx, handler.refuse(installation, request(ctx, new byte[0], clock), 413,
              "body larger than " + maxBodyBytes + " bytes"));
          return;
        }
        byte[] body;
        try {
          body = ctx.bodyAsBytes();
        } catch (Exception e) { // Javalin (Kotlin) lets a checked IOException through
          if (!clientFault(e)) {
            throw e;
          }
          // the client went away or stalled: nobody may read the answer, and it is not worth a trace
          Throwable cause = rootCause(e);
          log.debug("{}: webhook body not received: {}", LogSafe.of(installation), LogSafe.of(cause));
          write(ctx, cause instanceof TimeoutException
              ? WebhookResponse.error(408, "request body not received in time")
              : WebhookResponse.error(400, "request body incomplete"));
          return;
        }
        write(ctx, handler.handle(installation, request(ctx, body, clock)));
      };
      config.routes.post("/webhooks/{installation}", webhook);
      // a secret path token some vendors can only put in the URL (Salesforce Outbound Messages): the endpoint
      // finds it in WebhookRequest.path()
      config.routes.post("/webhooks/{installation}/{token}", webhook);
      Handler conversationApi = routes(api, maxBodyBytes, clock);
      config.routes.get("/api/v1/*", conversationApi);
      config.routes.post("/api/v1/*", conversationApi);
      Handler adminRoutes = routes(admin, maxBodyBytes, clock);
      config.routes.get("/admin", adminRoutes);
      config.routes.get("/admin/*", adminRoutes);
      config.routes.post("/admin/api/*", adminRoutes);
    });
    app.start();
    return new WebhookServer(app);
  }

  /** A handler that gives {@code routes} the request (a POST's body read first, refused over the limit). */
  private static Handler routes(ApiRoutes routes, long maxBodyBytes, Clock clock) {
    return ctx -> {
      byte[] body = new byte[0];
      if ("POST".equals(ctx.method().name())) {
        if (ctx.req().getContentLengthLong() > maxBodyBytes) {
          write(ctx, new WebhookResponse(413, "application/problem+json", "{\"type\":\"about:blank\","
              + "\"title\":\"Content Too Large\",\"status\":413,\"detail\":\"body larger than " + maxBodyBytes
              + " bytes\"}"));
          return;
        }
        try {
          body = ctx.bodyAsBytes();
        } catch (Exception e) { // Javalin (Kotlin) lets a checked IOException through
          if (!clientFault(e)) {
            throw e;
          }
          log.debug("api request body not received: {}", LogSafe.of(rootCause(e)));
          write(ctx, WebhookResponse.error(400, "request body incomplete"));
          return;
        }
      }
      write(ctx, routes.handle(new WebhookRequest(ctx.method().name(), ctx.path(), ctx.queryParamMap(), headers(ctx),
          body, Objects.requireNonNullElse(ctx.req().getRemoteAddr(), ""), clock.instant())));
    };
  }

  /**
   * Gathers the whole body without holding a thread before the next handler runs. The body must be complete
   * within the deadline after the headers, so a client that trickles it a byte at a time (and so never
   * idles) is cut too; an idle timeout while the body is awaited is final, where Jetty reports it to the
   * reader as a transient failure on which the loader would wait again for ever.
   */
  private static final class BodyFirst extends EagerContentHandler {
    private final long deadlineNanos;

    BodyFirst(long maxBodyBytes, Duration deadline) {
      super(new RetainedContentLoaderFactory(maxBodyBytes, 1024, false));
      this.deadlineNanos = deadline.toNanos();
    }

    @Override
    protected boolean onConditionsMet(Request request, Response response, Callback callback) throws Exception {
      long deadline = System.nanoTime() + deadlineNanos;
      return super.onConditionsMet(new Request.Wrapper(request) {
        @Override
        public Content.Chunk read() {
          Content.Chunk chunk = super.read();
          if (chunk == null) {
            return null;
          }
          if (Content.Chunk.isFailure(chunk, false)) {
            return Content.Chunk.from(chunk.getFailure(), true);
          }
          if (!chunk.isLast() && System.nanoTime() - deadline > 0) {
            chunk.release();
            return Content.Chunk.from(new TimeoutException("body not complete within "
                + Duration.ofNanos(deadlineNanos).toMillis() + " ms"), true);
          }
          return chunk;
        }
      }, response, callback);
    }
  }

  /** The request as core sees it: the decoded query parameters and the TCP peer's address included. */
  private static WebhookRequest request(Context ctx, byte[] body, Clock clock) {
    return new WebhookRequest("POST", ctx.path(), ctx.queryParamMap(), headers(ctx), body,
        Objects.requireNonNullElse(ctx.req().getRemoteAddr(), ""), clock.instant());
  }

  /** An early end of stream, a read timeout or a too slow body: the client's doing, not the server's. */
  private static boolean clientFault(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof IOException || t instanceof UncheckedIOException || t instanceof TimeoutException
          || t.getClass().getName().startsWith("org.eclipse.jetty.http.BadMessageException")) {
        return true;
      }
    }
    return false;
  }

  private static Throwable rootCause(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t;
  }

  private static Map<String, List<String>> headers(Context ctx) {
    return Collections.list(ctx.req().getHeaderNames()).stream()
        .collect(Collectors.toMap(n -> n, n -> Collections.list(ctx.req().getHeaders(n)), (a, b) -> a));
  }

  private static void write(Context ctx, WebhookResponse response) {
    response.headers().forEach(ctx::header);
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
