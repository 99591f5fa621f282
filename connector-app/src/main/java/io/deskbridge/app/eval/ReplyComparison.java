package io.deskbridge.app.eval;

import io.deskbridge.core.engine.DraftVerdict;
import io.deskbridge.core.knowledge.KnowledgeBase;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Compares the answer the bot would have given with the reply an agent actually sent. Pure and thread-safe.
 *
 * <ul>
 *   <li>When the agent's reply links articles of the knowledge base (any locale's {@code url}; a link matches when
 *       it is the same address without query, fragment or trailing slash, or, for Help Center style addresses, the
 *       same host and {@code /articles/<number>}): {@link Verdict#SAME_ARTICLE} when one of them is the bot's article,
 *       else {@link Verdict#OTHER_ARTICLE}.</li>
 *   <li>Otherwise by the texts: the cosine similarity of their word counts ({@link DraftVerdict}'s measure, Apache
 *       Commons Text): {@link Verdict#SIMILAR_TEXT} from {@value #SIMILAR_WORDS}, else {@link Verdict#DIFFERENT_TEXT}.
 *       The bar is a starting point, not a measured one: an agent's reply wraps the same facts in a greeting and a
 *       sign-off, so it is lower than the draft check's 0.5.</li>
 *   <li>No agent reply to compare with: {@link Verdict#NO_AGENT_REPLY}.</li>
 * </ul>
 */
public final class ReplyComparison {
  /** The word cosine similarity from which the texts count as the same answer. */
  public static final double SIMILAR_WORDS = 0.4;
  private static final Pattern HELP_CENTER = Pattern.compile("/articles/(\\d+)");

  /** How the bot's answer compares with the agent's reply. */
  public enum Verdict {
    SAME_ARTICLE(true),
    SIMILAR_TEXT(true),
    OTHER_ARTICLE(false),
    DIFFERENT_TEXT(false),
    NO_AGENT_REPLY(false);

    private final boolean agrees;

    Verdict(boolean agrees) {
      this.agrees = agrees;
    }

    /** Whether the bot would have said what the agent said. */
    public boolean agrees() {
      return agrees;
    }

    /** Whether the agent said something else: an answer to review before going live. */
    public boolean disagrees() {
      return this == OTHER_ARTICLE || this == DIFFERENT_TEXT;
    }

    /** The code written in reports: {@code same_article} and so on. */
    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * One comparison.
   *
   * @param verdict      the verdict
   * @param agentArticle the knowledge base's article the agent linked (the bot's when both did); empty when none
   * @param words        the word cosine similarity of the two texts, in [0, 1]; 0 without an agent reply
   */
  public record Result(Verdict verdict, String agentArticle, double words) {}

  private final Map<String, String> articleByLink = new HashMap<>();

  /** A comparison against the articles (and their links) of {@code knowledge}. */
  public ReplyComparison(KnowledgeBase knowledge) {
    for (var article : knowledge.articles()) {
      if (!article.url().isEmpty()) {
        keys(article.url()).forEach(key -> articleByLink.putIfAbsent(key, article.id()));
      }
    }
  }

  /** The knowledge base's article a link points at. */
  public Optional<String> article(String link) {
    return keys(link).stream().map(articleByLink::get).filter(id -> id != null).findFirst();
  }

  /**
   * Compares the bot's answer with the agent's reply.
   *
   * @param botArticle the article the bot answered with
   * @param botText    the bot's answer
   * @param agentText  the agent's reply; empty when the agent did not reply
   * @param agentLinks the links of the agent's reply
   */
  public Result compare(String botArticle, String botText, Optional<String> agentText, List<String> agentLinks) {
    if (agentText.isEmpty()) {
      return new Result(Verdict.NO_AGENT_REPLY, "", 0);
    }
    double words = DraftVerdict.compare(botText, agentText.get()).words();
    var linked = agentLinks.stream().map(this::article).flatMap(Optional::stream).distinct().toList();
    if (linked.contains(botArticle)) {
      return new Result(Verdict.SAME_ARTICLE, botArticle, words);
    }
    if (!linked.isEmpty()) {
      return new Result(Verdict.OTHER_ARTICLE, linked.get(0), words);
    }
    return new Result(words >= SIMILAR_WORDS ? Verdict.SIMILAR_TEXT : Verdict.DIFFERENT_TEXT, "", words);
  }

  /** The keys a link is known by: its address without query, fragment and trailing slash, and a Help Center key. */
  private static List<String> keys(String link) {
    URI uri;
    try {
      uri = URI.create(link.strip());
    } catch (IllegalArgumentException e) {
      return List.of();
    }
    if (uri.getHost() == null) {
      return List.of();
    }
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("/+$", "");
    var m = HELP_CENTER.matcher(path);
    String plain = host + path;
    return m.find() ? List.of(plain, host + "/articles/" + m.group(1)) : List.of(plain);
  }
}
