package io.deskbridge.mock.zendesk;

import java.util.Map;

/** Reads a bounded whole-number query parameter the way Zendesk's list endpoints do: 400 with a reason when it is not. */
final class QueryNumbers {
  private QueryNumbers() {
  }

  /**
   * The parameter {@code key} of {@code query}, or {@code otherwise} when it is absent.
   *
   * @throws ApiError a 400 when it is not a number or lies outside {@code min}..{@code max}
   */
  static int number(Map<String, String> query, String key, int min, int max, int otherwise) {
    String raw = query.get(key);
    if (raw == null) {
      return otherwise;
    }
    try {
      int v = Integer.parseInt(raw);
      if (v < min || v > max) {
        throw ApiError.badRequest(key + " must be between " + min + " and " + max);
      }
      return v;
    } catch (NumberFormatException e) {
      throw ApiError.badRequest(key + " must be a number");
    }
  }
}
