package io.deskbridge.zendesk.internal.client;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deskbridge.core.config.Secret;
import io.deskbridge.core.error.VendorException;
import io.deskbridge.core.spi.SatisfactionSource;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import org.asynchttpclient.AsyncHttpClient;
import org.zendesk.client.v2.Zendesk;
import org.zendesk.client.v2.model.SatisfactionRating;

/**
 * Zendesk's (legacy CSAT) satisfaction ratings: {@code GET /api/v2/satisfaction_ratings.json?score=received
 * &start_time=&page[size]=}, then {@code page[after]} with the previous page's {@code meta.after_cursor} while
 * {@code meta.has_more}. zendesk-java-client's {@code getSatisfactionRatings()} lists every rating of the account with
 * no filter, so this one call goes through the client's own HTTP client, authenticated the same way, and its ratings
 * are read with the client's model ({@link SatisfactionRating}).
 *
 * <ul>
 *   <li>{@code score=received} asks for answered surveys only (good and bad, with or without comment); a score of
 *       {@code offered} or {@code unoffered} is not a rating and is skipped should one come anyway.
 *   <li>{@code start_time}: the reference describes it only as "time of the oldest satisfaction rating"; a rating is
 *       created when the survey is offered ({@code created_at}) and stamped {@code updated_at} when the customer
 *       answers or changes the answer. Widely used incremental readers of this endpoint (singer-io tap-zendesk,
 *       Airbyte's source-zendesk-support) treat it as a bound on {@code updated_at} and keep {@code updated_at} as
 *       their bookmark, and so does this source: the rating time is {@code updated_at} ({@code created_at} when
 *       absent). Not verified against a live account (docs/architecture.md says what breaks if it filters on
 *       {@code created_at}).
 *   <li>The page token is {@code meta.after_cursor}; the request is rebuilt from it, so the next-page URL Zendesk
 *       returns is never followed to another host with the credentials.
 * </ul>
 *
 * The endpoint is for admins (older references: agents); a refusal surfaces as the client's
 * {@link org.zendesk.client.v2.ZendeskResponseException} (403), a 429 as its rate-limit exception. Thread-safe.
 */
final class ZendeskSatisfactionSource implements SatisfactionSource {
  /** Ratings a page: the most cursor pagination allows. */
  static final int PAGE_SIZE = 100;

  private final AsyncHttpClient http;
  private final String base;
  private final String authorization;
  private final int pageSize;
  private final ObjectMapper mapper = Zendesk.createMapper(
      m -> m.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES));

  ZendeskSatisfactionSource(AsyncHttpClient http, URI url, String email, Secret token, int pageSize) {
    if (pageSize < 1 || pageSize > PAGE_SIZE) {
      throw new IllegalArgumentException("pageSize must be 1 to " + PAGE_SIZE);
    }
    this.http = http;
    this.base = url.toString().replaceAll("/+$", "") + "/api/v2/satisfaction_ratings.json";
    this.authorization = "Basic " + Base64.getEncoder()
        .encodeToString((email + "/token:" + token.reveal()).getBytes(StandardCharsets.UTF_8));
    this.pageSize = pageSize;
  }

  @Override
  public Page ratings(Instant since, Optional<String> page) {
    var request = http.prepareGet(base)
        .setHeader("Authorization", authorization)
        .setHeader("Accept", "application/json")
        .addQueryParam("score", "received")
        .addQueryParam("start_time", String.valueOf(Math.max(0, since.getEpochSecond())))
        .addQueryParam("page[size]", String.valueOf(pageSize));
    page.ifPresent(after -> request.addQueryParam("page[after]", after));
    JsonNode body = ZendeskHistoryReader.read(request.execute(), mapper, "satisfaction ratings");
    var ratings = new ArrayList<Rating>();
    for (JsonNode node : body.path("satisfaction_ratings")) {
      SatisfactionRating r;
      try {
        r = mapper.treeToValue(node, SatisfactionRating.class);
      } catch (IOException e) {
        throw new VendorException(VendorException.Kind.INVALID,
            "Zendesk returned a satisfaction rating this client cannot read: " + e.getMessage(), e);
      }
      score(r.getScore()).ifPresent(score -> {
        if (r.getTicketId() != null && (r.getUpdatedAt() != null || r.getCreatedAt() != null)) {
          Instant at = (r.getUpdatedAt() != null ? r.getUpdatedAt() : r.getCreatedAt()).toInstant();
          ratings.add(new Rating(r.getTicketId().toString(), score, r.getComment(), at));
        }
      });
    }
    JsonNode meta = body.path("meta");
    String after = meta.path("after_cursor").asText("");
    boolean more = meta.path("has_more").asBoolean(false) && !after.isEmpty();
    return new Page(ratings, more ? Optional.of(after) : Optional.empty());
  }

  /** good and good_with_comment are good, bad and bad_with_comment bad; offered and unoffered are no rating. */
  static Optional<Score> score(String score) {
    String s = score == null ? "" : score.toLowerCase(Locale.ROOT);
    if (s.equals("good") || s.startsWith("good_")) {
      return Optional.of(Score.GOOD);
    }
    if (s.equals("bad") || s.startsWith("bad_")) {
      return Optional.of(Score.BAD);
    }
    return Optional.empty();
  }
}
