package io.deskbridge.daktela.internal.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Reads every page of a list query, {@link DaktelaQuery#MAX_TAKE} records a call, paging by {@code skip}. */
final class DaktelaPages {
  /** A bound on pages of one read, so a server that ignores {@code skip} cannot loop us forever. */
  static final int MAX_PAGES = 1000;

  private DaktelaPages() {}

  /**
   * All records the query matches: pages of {@code take} (at most {@value DaktelaQuery#MAX_TAKE}) until a page is
   * short or empty, or {@code total} records are read.
   *
   * @param call  one list call, given the encoded query
   * @param query the query; its {@code take} is used when set, else {@value DaktelaQuery#MAX_TAKE}
   */
  static List<JsonNode> all(Function<java.util.Map<String, Object>, JsonNode> call, DaktelaQuery query) {
    int take = query.take() > 0 ? query.take() : DaktelaQuery.MAX_TAKE;
    var records = new ArrayList<JsonNode>();
    int skip = query.skip();
    for (int page = 0; page < MAX_PAGES; page++) {
      var result = DaktelaEnvelope.page(call.apply(query.skip(skip).take(take).parameters()));
      records.addAll(result.data());
      skip += result.data().size();
      if (result.data().size() < take || (result.total() >= 0 && skip >= result.total())) {
        return records;
      }
    }
    throw new IllegalStateException("Daktela returned more than " + MAX_PAGES + " pages of " + take
        + " records for " + query + "; it may be ignoring skip");
  }
}
