package io.deskbridge.core.llm;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;

/**
 * langchain4j's HTTP client contract over the JDK client, as langchain4j's own {@code JdkHttpClient} does it, except
 * that a failed response keeps its {@code Retry-After} header: langchain4j's {@link HttpException} carries only the
 * status and the body, and the retry must know how long the server asked it to wait. Non-streaming calls only (the
 * writer never streams). Thread-safe.
 */
final class RetryAfterHttpClient implements HttpClient {

  /** A non-2xx answer, with the delay its {@code Retry-After} header asked for (seconds form), if any. */
  static final class Failure extends HttpException {
    private final transient Duration retryAfter;

    Failure(int status, String body, Duration retryAfter) {
      super(status, body);
      this.retryAfter = retryAfter;
    }

    Optional<Duration> retryAfter() {
      return Optional.ofNullable(retryAfter);
    }
  }

  /** The builder langchain4j's model builders take. */
  static final class Builder implements HttpClientBuilder {
    private Duration connectTimeout;
    private Duration readTimeout;

    @Override
    public Duration connectTimeout() {
      return connectTimeout;
    }

    @Override
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = timeout;
      return this;
    }

    @Override
    public Duration readTimeout() {
      return readTimeout;
    }

    @Override
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = timeout;
      return this;
    }

    @Override
    public RetryAfterHttpClient build() {
      return new RetryAfterHttpClient(connectTimeout, readTimeout);
    }
  }

  private final java.net.http.HttpClient http;
  private final Duration readTimeout;

  private RetryAfterHttpClient(Duration connectTimeout, Duration readTimeout) {
    var builder = java.net.http.HttpClient.newBuilder();
    if (connectTimeout != null) {
      builder.connectTimeout(connectTimeout);
    }
    this.http = builder.build();
    this.readTimeout = readTimeout;
  }

  @Override
  public SuccessfulHttpResponse execute(HttpRequest request) {
    var jdk = java.net.http.HttpRequest.newBuilder(URI.create(request.url()));
    if (readTimeout != null) {
      jdk.timeout(readTimeout);
    }
    request.headers().forEach((name, values) -> values.forEach(v -> jdk.header(name, v)));
    jdk.method(request.method().name(), request.body() == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
        : java.net.http.HttpRequest.BodyPublishers.ofString(request.body()));
    HttpResponse<String> response;
    try {
      response = http.send(jdk.build(), HttpResponse.BodyHandlers.ofString());
    } catch (HttpTimeoutException e) {
      throw new TimeoutException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RuntimeException(e);
    } catch (IOException e) {
      throw new RuntimeException(e);
    }
    if (response.statusCode() < 200 || response.statusCode() > 299) {
      throw new Failure(response.statusCode(), response.body(),
          retryAfter(response.headers().firstValue("Retry-After").orElse(null)));
    }
    return SuccessfulHttpResponse.builder().statusCode(response.statusCode()).headers(response.headers().map())
        .body(response.body()).build();
  }

  @Override
  public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
    throw new UnsupportedOperationException("Deskbridge's LLM answers do not stream");
  }

  /** {@code Retry-After} in its seconds form (the one OpenAI-compatible servers send); null when absent or a date. */
  static Duration retryAfter(String header) {
    if (header == null) {
      return null;
    }
    try {
      double seconds = Double.parseDouble(header.strip());
      return seconds >= 0 && seconds < 86_400 ? Duration.ofMillis((long) Math.ceil(seconds * 1000)) : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
