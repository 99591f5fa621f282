package io.deskbridge.daktela.internal.client;

import java.util.Optional;

/**
 * A routing target: a ticket category name, optionally {@code /<user login>} to also assign an agent
 * ({@code categories_billing/alice}).
 */
record DaktelaTarget(String category, Optional<String> user) {

  /**
   * Parses a configured target.
   *
   * @throws IllegalArgumentException when it is blank or has an empty part
   */
  static DaktelaTarget parse(String target) {
    String t = target == null ? "" : target.strip();
    int slash = t.indexOf('/');
    String category = slash < 0 ? t : t.substring(0, slash).strip();
    String user = slash < 0 ? "" : t.substring(slash + 1).strip();
    if (category.isEmpty() || (slash >= 0 && (user.isEmpty() || user.contains("/")))) {
      throw new IllegalArgumentException("routing target '" + target + "' must be a ticket category name, optionally "
          + "followed by /<user login>, e.g. categories_billing or categories_billing/alice");
    }
    return new DaktelaTarget(category, user.isEmpty() ? Optional.empty() : Optional.of(user));
  }
}
