package io.deskbridge.mock.base;

import java.util.List;

/** What {@link FakeExtension} needs of a fake. Implementations are thread-safe. */
public interface VendorFake extends AutoCloseable {
  /** E.g. {@code http://localhost:34567}. */
  String baseUrl();

  /** {@code "METHOD url"} of every request the fake does not serve; tests assert it is empty. */
  List<String> unmatchedRequests();

  /** Back to the seeded state: no data, deliveries, counters, faults or unmatched requests. */
  void reset();

  /** Stops the fake's server and threads. */
  @Override
  void close();
}
