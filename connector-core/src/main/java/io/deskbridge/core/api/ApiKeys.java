package io.deskbridge.core.api;

import io.deskbridge.core.store.ConversationApiStore;
import io.deskbridge.core.store.ConversationApiStore.ApiKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The Conversation API's client keys. A key is {@code dbk_<id>_<secret>}: the id (12 hex characters) finds its row,
 * the secret is 32 random bytes; only the SHA-256 of the whole key is stored, compared in constant time. A key belongs
 * to one installation and can be revoked. Thread-safe.
 */
public final class ApiKeys {
  private static final String PREFIX = "dbk_";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final ConversationApiStore store;
  private final Clock clock;

  public ApiKeys(ConversationApiStore store, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * A key made and stored.
   *
   * @param key    its record (the hash, never the key)
   * @param secret the key itself, shown once; it cannot be read again
   */
  public record Created(ApiKey key, String secret) {
    @Override
    public String toString() {
      return "Created[key=" + key + ", secret=****]";
    }
  }

  /** Makes a key for an installation. */
  public Created create(String installation, String name) {
    requireText(installation, "installation");
    requireText(name, "name");
    var idBytes = new byte[6];
    RANDOM.nextBytes(idBytes);
    var secretBytes = new byte[32];
    RANDOM.nextBytes(secretBytes);
    String id = HexFormat.of().formatHex(idBytes);
    String key = PREFIX + id + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes);
    var record = new ApiKey(id, installation, name, hash(key), clock.instant(), Optional.empty());
    store.createKey(record);
    return new Created(record, key);
  }

  /** Every key, revoked ones included. */
  public List<ApiKey> list() {
    return store.keys();
  }

  /** Revokes a key; false when there is none with this id or it was revoked already. */
  public boolean revoke(String id) {
    return store.revokeKey(id, clock.instant());
  }

  /** The valid (not revoked) key this bearer token is; empty for anything else. */
  public Optional<ApiKey> authenticate(String presented) {
    if (presented == null || !presented.startsWith(PREFIX)) {
      return Optional.empty();
    }
    int end = presented.indexOf('_', PREFIX.length());
    if (end < 0) {
      return Optional.empty();
    }
    var found = store.key(presented.substring(PREFIX.length(), end));
    byte[] presentedHash = hash(presented).getBytes(StandardCharsets.US_ASCII);
    if (found.isEmpty() || !MessageDigest.isEqual(presentedHash, found.get().hash().getBytes(StandardCharsets.US_ASCII))
        || found.get().revokedAt().isPresent()) {
      return Optional.empty();
    }
    return found;
  }

  /** Hex SHA-256 of a text. */
  static String hash(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }
}
