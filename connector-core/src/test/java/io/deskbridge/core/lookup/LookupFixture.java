package io.deskbridge.core.lookup;

import io.deskbridge.core.bot.BotInput;
import io.deskbridge.core.bot.Decider;
import io.deskbridge.core.config.Secret;
import io.deskbridge.core.conversation.AuthorRole;
import io.deskbridge.core.conversation.Channel;
import io.deskbridge.core.conversation.Conversation;
import io.deskbridge.core.conversation.ConversationKey;
import io.deskbridge.core.conversation.Customer;
import io.deskbridge.core.conversation.Message;
import io.deskbridge.core.conversation.Visibility;
import io.deskbridge.core.escalation.Decision;
import io.deskbridge.core.escalation.Scores;
import io.deskbridge.core.knowledge.Article;
import io.deskbridge.core.knowledge.ArticleLookup;
import io.deskbridge.core.knowledge.KnowledgeBase;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The lookup tests' world: a knowledge base with the order-status article (declaring the {@code order} lookup) and
 * an article without lookups, a stand-in for the bot that replies with the article it is told to (the bot's choice of
 * article is not what these tests are about), and conversations of one customer message.
 */
final class LookupFixture {
  static final String INSTALLATION = "shop";
  static final String ORDER_BODY = "You can see the status of every order under My account, Orders.";
  static final String ORDER_TEMPLATE = "Your order {{order.number}} is {{order.status}}. Expected delivery: "
      + "{{order.eta}} with {{order.carrier}}.";
  static final Article ORDER_STATUS = new Article("order-status", "en", "Track your order", ORDER_BODY,
      "https://shop.example/help/order-status", List.of("Where is my order?"), "Shipping", List.of(),
      List.of(new ArticleLookup("order", "/orders/{order_number}", "order_number")), ORDER_TEMPLATE);
  static final Article RETURNS = new Article("returns", "en", "Returns", "You can return anything within 30 days.",
      "", List.of("How do I return?"), "", List.of());
  static final KnowledgeBase KNOWLEDGE = KnowledgeBase.of(List.of(ORDER_STATUS, RETURNS));

  private LookupFixture() {}

  /** The bot's stand-in: a confident reply with the article {@code articleId}, as the bot writes it (its body). */
  static Decider replyingWith(String articleId) {
    return input -> {
      var article = KNOWLEDGE.find(articleId, "en").orElseThrow();
      return new Decision.Reply(article.body(), "en", List.of("confident_match"),
          new Scores(0.93, articleId, Map.of("anger", 0.0)));
    };
  }

  /** The shop fake's back office with the identity checked by e-mail and id. */
  static BackOfficeConfig backOffice(String baseUrl, Duration timeout, Duration cacheTtl) {
    return new BackOfficeConfig(URI.create(baseUrl), "Authorization", Secret.of("Bearer shop-fake-token"), timeout,
        cacheTtl, 100, Duration.ofSeconds(30), new BackOfficeConfig.Identity("customer.email", "customer.id"));
  }

  /** The turn of {@code customer} saying {@code text}, after the pending text (empty: none). */
  static BotInput input(Customer customer, String pending, String text, int clarificationsAsked) {
    var message = new Message("m1", AuthorRole.CUSTOMER, Visibility.PUBLIC, "", text, Instant.EPOCH);
    var conversation = new Conversation(new ConversationKey("api", INSTALLATION, "1"), Channel.EMAIL, "", customer,
        "", "", Set.of(), false, List.of(message));
    return new BotInput(conversation, List.of(message), 0, clarificationsAsked, List.of(), pending);
  }

  static BotInput input(Customer customer, String text) {
    return input(customer, "", text, 0);
  }
}
