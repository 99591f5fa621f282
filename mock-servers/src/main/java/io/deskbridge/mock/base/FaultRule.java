package io.deskbridge.mock.base;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * When an injected {@link Fault} strikes: calls matching a method and a path pattern (or any call), starting with the
 * {@code nth} matching call, for {@code times} calls in a row. Immutable; see {@link Faults} for how rules are counted.
 *
 * <p>"The second write fails the first time": {@code FaultRule.on("PUT", "/api/v2/tickets/\\d+(\\.json)?",
 * Fault.status(503)).nth(2)}; the connector's retry of that write is the third matching call, which is served.
 *
 * @param method the HTTP method, or null for any
 * @param path a regular expression the whole path (without the query) must match, or null for any
 * @param nth the first matching call the fault strikes (1: the next one)
 * @param times how many matching calls in a row it strikes from there
 */
public record FaultRule(String method, Pattern path, int nth, int times, Fault fault) {
  public FaultRule {
    Objects.requireNonNull(fault, "fault");
    if (nth < 1 || times < 1) {
      throw new IllegalArgumentException("nth and times must be >= 1, were " + nth + ", " + times);
    }
  }

  /** The next call, whatever it is. */
  public static FaultRule next(Fault fault) {
    return new FaultRule(null, null, 1, 1, fault);
  }

  /** The next call with this method (null: any) whose path matches {@code pathRegex} (null: any). */
  public static FaultRule on(String method, String pathRegex, Fault fault) {
    return new FaultRule(method, pathRegex == null ? null : Pattern.compile(pathRegex), 1, 1, fault);
  }

  /** Starting with the {@code n}-th matching call instead of the next one. */
  public FaultRule nth(int n) {
    return new FaultRule(method, path, n, times, fault);
  }

  /** For {@code n} matching calls in a row instead of one. */
  public FaultRule times(int n) {
    return new FaultRule(method, path, nth, n, fault);
  }

  public boolean matches(String requestMethod, String requestPath) {
    return (method == null || method.equalsIgnoreCase(requestMethod))
        && (path == null || path.matcher(requestPath).matches());
  }

  @Override
  public String toString() {
    return (method == null ? "any" : method) + " " + (path == null ? "*" : path.pattern()) + " #" + nth
        + (times > 1 ? "-" + (nth + times - 1) : "") + ": " + fault;
  }
}
