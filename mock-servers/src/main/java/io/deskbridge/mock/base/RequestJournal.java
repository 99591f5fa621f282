package io.deskbridge.mock.base;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What the connector called, in order: every API call a fake served (injected failures included) and every request
 * it could not match. Test fixtures count from it ("one write per ticket", "the note was sent once"). A fake records
 * only calls to its vendor API, never to its own control endpoints.
 *
 * <p>Thread-safe: every method is synchronized; the lists returned are snapshots.
 */
public final class RequestJournal {
  /**
   * One call.
   *
   * @param seq 1 for the first call since the start or the last {@link #clear()}
   * @param at the fake's clock when the call arrived
   * @param path the path without the query
   * @param query the raw query string, empty when none
   * @param conversation the conversation the call is about (a ticket id, a case id), empty when none
   * @param status the status the fake answered
   * @param fault the injected fault, or null when the call was served normally
   * @param body the request body as UTF-8 text, empty when none
   */
  public record Call(long seq, Instant at, String method, String path, String query, String conversation,
      int status, Fault fault, String body) {
    public Call {
      Objects.requireNonNull(conversation, "conversation");
    }

    /** True when this is a call with {@code method} (null: any) whose path matches {@code pathRegex}. */
    public boolean is(String method, String pathRegex) {
      return (method == null || method.equalsIgnoreCase(this.method)) && path.matches(pathRegex);
    }
  }

  private final List<Call> calls = new ArrayList<>();
  private final List<String> unmatched = new ArrayList<>();

  /** Records a served call; returns it. */
  public synchronized Call record(Instant at, String method, String path, String query, String conversation,
      int status, Fault fault, String body) {
    Call call = new Call(calls.size() + 1L, at, method, path, query == null ? "" : query,
        conversation == null ? "" : conversation, status, fault, body == null ? "" : body);
    calls.add(call);
    return call;
  }

  /** Records a request the fake does not serve, as {@code "METHOD url"}. */
  public synchronized void unmatched(String line) {
    unmatched.add(line);
  }

  /** Every served call, in arrival order. */
  public synchronized List<Call> calls() {
    return List.copyOf(calls);
  }

  /** The calls about one conversation, in arrival order. */
  public synchronized List<Call> calls(String conversation) {
    return calls.stream().filter(c -> c.conversation().equals(conversation)).toList();
  }

  /** The number of served calls. */
  public synchronized int count() {
    return calls.size();
  }

  /** The number of served calls about one conversation. */
  public synchronized int count(String conversation) {
    return (int) calls.stream().filter(c -> c.conversation().equals(conversation)).count();
  }

  /** The number of served calls with {@code method} (null: any) whose path matches {@code pathRegex}. */
  public synchronized int count(String method, String pathRegex) {
    Pattern p = Pattern.compile(pathRegex);
    return (int) calls.stream()
        .filter(c -> (method == null || method.equalsIgnoreCase(c.method())) && p.matcher(c.path()).matches())
        .count();
  }

  /** The number of calls answered with an injected failure (a {@link Fault} other than a mere {@link Fault.Delay}). */
  public synchronized int injectedFailures() {
    return (int) calls.stream().filter(c -> c.fault() != null && !(c.fault() instanceof Fault.Delay)).count();
  }

  /** The number of calls answered with an injected {@link Fault.Status} of {@code status}, e.g. 429. */
  public synchronized int injectedStatus(int status) {
    return (int) calls.stream().filter(c -> c.fault() instanceof Fault.Status f && f.status() == status).count();
  }

  /** {@code "METHOD url"} of every request the fake does not serve, in arrival order. */
  public synchronized List<String> unmatched() {
    return List.copyOf(unmatched);
  }

  /** Forgets every call and unmatched request. */
  public synchronized void clear() {
    calls.clear();
    unmatched.clear();
  }
}
