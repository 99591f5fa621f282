package io.deskbridge.mock.base;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.time.Duration;
import java.util.Map;

/**
 * The WireMock server under every vendor fake: one global transformer (the fake's API) answers every request, WireMock
 * keeps no request journal of its own (the fake keeps one), and it logs through SLF4J.
 *
 * <p>Thread-safe: WireMock's server is.
 */
public final class FakeServer {
  private final WireMockServer server;

  /** A server on {@code port} (0: a free port) whose every answer {@code api} makes; not started yet. */
  public FakeServer(int port, ResponseDefinitionTransformerV2 api) {
    WireMockConfiguration options = options().extensions(api).notifier(new Slf4jNotifier(false))
        .disableRequestJournal();
    this.server = new WireMockServer(port == 0 ? options.dynamicPort() : options.port(port));
  }

  /** Starts the server with one catch-all stub, so every request reaches the transformer. */
  public void start() {
    server.start();
    server.stubFor(any(anyUrl()).willReturn(aResponse()));
  }

  /**
   * Starts the server of {@code fake}, then runs {@code started} (e.g. telling the model the base URL); when either
   * throws, closes {@code fake} and rethrows. The start-up of every fake's {@code start(Config)}.
   *
   * @return {@code fake}, serving
   */
  public <F extends VendorFake> F startFor(F fake, Runnable started) {
    try {
      start();
      started.run();
      return fake;
    } catch (RuntimeException e) {
      fake.close();
      throw e;
    }
  }

  /** {@link #startFor(VendorFake, Runnable)} with nothing to run after the start. */
  public <F extends VendorFake> F startFor(F fake) {
    return startFor(fake, () -> {});
  }

  /** E.g. {@code http://localhost:34567}; only once started. */
  public String baseUrl() {
    return "http://localhost:" + server.port();
  }

  /** Stops the server if it runs; safe to call again. */
  public void stop() {
    if (server.isRunning()) {
      server.stop();
    }
  }

  /**
   * A WireMock answer: {@code status}, {@code body}, the Content-Type when {@code contentType} is not null, then the
   * headers of each map in order, after {@code wait}.
   */
  @SafeVarargs
  public static ResponseDefinition response(int status, String contentType, byte[] body, Duration wait,
      Map<String, String>... headers) {
    ResponseDefinitionBuilder b = ResponseDefinitionBuilder.responseDefinition().withStatus(status);
    if (contentType != null) {
      b.withHeader("Content-Type", contentType);
    }
    b.withBody(body);
    for (Map<String, String> h : headers) {
      h.forEach(b::withHeader);
    }
    if (!wait.isZero()) {
      b.withFixedDelay((int) wait.toMillis());
    }
    return b.build();
  }
}
