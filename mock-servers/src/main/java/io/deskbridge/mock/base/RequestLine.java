package io.deskbridge.mock.base;

import com.github.tomakehurst.wiremock.http.Request;

/**
 * What a fake's transformer routes on: a request's method and its URL split at the first {@code ?}.
 *
 * @param method e.g. {@code GET}
 * @param url    the path and query as sent, e.g. {@code /api/v6/tickets.json?take=10}
 * @param path   {@code url} up to the {@code ?}, e.g. {@code /api/v6/tickets.json}
 * @param query  {@code url} after the {@code ?}, still encoded; empty when there is none
 */
public record RequestLine(String method, String url, String path, String query) {
  /** The request line of {@code request}. */
  public static RequestLine of(Request request) {
    String url = request.getUrl();
    int q = url.indexOf('?');
    return new RequestLine(request.getMethod().getName(), url, q < 0 ? url : url.substring(0, q),
        q < 0 ? "" : url.substring(q + 1));
  }
}
