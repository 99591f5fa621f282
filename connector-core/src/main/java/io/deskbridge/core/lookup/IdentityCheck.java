package io.deskbridge.core.lookup;

import com.fasterxml.jackson.databind.JsonNode;
import io.deskbridge.core.conversation.Customer;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a looked-up record belongs to the conversation's customer. The record's customer e-mail (at
 * {@code emailPath}) is compared with the customer's e-mail ignoring case and surrounding space; its customer id (at
 * {@code idPath}) with the customer's id exactly. Each configured path whose value exists on both sides is one
 * comparison: any comparison that differs is a {@link Verdict#MISMATCH}; otherwise at least one that agrees is a
 * {@link Verdict#MATCH}; no comparison at all (the customer's identity or the record's field is missing) is
 * {@link Verdict#UNVERIFIED}. Only a match lets the record be used. Immutable and thread-safe.
 *
 * @param emailPath the dot path of the record's customer e-mail; null when not compared
 * @param idPath    the dot path of the record's customer id; null when not compared
 */
record IdentityCheck(String emailPath, String idPath) {

  /** The outcome. */
  enum Verdict {
    MATCH,
    MISMATCH,
    UNVERIFIED
  }

  IdentityCheck {
    if (emailPath == null && idPath == null) {
      throw new IllegalArgumentException("an identity check needs the record's customer e-mail or id path");
    }
  }

  Verdict check(JsonNode record, Customer customer) {
    boolean agreed = false;
    if (emailPath != null) {
      var theirs = JsonFields.text(record, emailPath).map(IdentityCheck::email);
      var ours = Optional.of(email(customer.email())).filter(e -> !e.isEmpty());
      if (theirs.isPresent() && ours.isPresent()) {
        if (!theirs.get().equals(ours.get())) {
          return Verdict.MISMATCH;
        }
        agreed = true;
      }
    }
    if (idPath != null) {
      var theirs = JsonFields.text(record, idPath);
      var ours = Optional.of(customer.id().strip()).filter(id -> !id.isEmpty());
      if (theirs.isPresent() && ours.isPresent()) {
        if (!theirs.get().equals(ours.get())) {
          return Verdict.MISMATCH;
        }
        agreed = true;
      }
    }
    return agreed ? Verdict.MATCH : Verdict.UNVERIFIED;
  }

  private static String email(String address) {
    return address.strip().toLowerCase(Locale.ROOT);
  }
}
