package io.deskbridge.mock.daktela.chat;

import io.deskbridge.mock.base.Delivery;
import io.deskbridge.mock.base.RetryPolicy;
import io.deskbridge.mock.base.RetryPolicy.Retry;
import io.deskbridge.mock.base.WebhookSender;
import io.deskbridge.mock.daktela.chat.DaktelaChatFake.BotEndpoint;
import io.deskbridge.mock.daktela.chat.DaktelaChatFake.Config;
import io.deskbridge.mock.daktela.chat.DaktelaChatWire.Inbound;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The customers' messages on their way to the connected bot: each is POSTed as the external-bot protocol's inbound
 * body ({@link DaktelaChatWire#inbound}, its {@code time} local time in the configured zone) to the bot's URL, with the
 * secret token in a header when so configured, on a {@link WebhookSender} under the configured policy plus the fake's
 * chaos (copies, jitter) and, when set, retries of an unanswered delivery for a window. Each message's delivery as
 * first sent is kept, so it can be sent again.
 *
 * <p>The fake owns the sender (its attempts, routing, reset and close); this class only sends on it and sets its
 * policy. Called with the fake's lock held; not thread-safe on its own.
 */
final class DaktelaChatDelivery {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private final Config config;
  private final WebhookSender sender;
  /** Each inbound message's delivery as first sent, by the message's name, for {@link #redeliver}. */
  private final Map<String, Delivery> sent = new LinkedHashMap<>();
  private int chaosCopies = 1;
  private Duration chaosJitter = Duration.ZERO;
  private Duration unreachableWindow = Duration.ZERO;

  DaktelaChatDelivery(Config config, WebhookSender sender) {
    this.config = config;
    this.sender = sender;
  }

  /** Sends the customer's message {@code name} in {@code chat}, written at {@code at}, to {@code bot}. */
  void send(BotEndpoint bot, String name, Instant at, String chat, String responseUrl, Inbound what) {
    byte[] body = DaktelaChatWire.inbound(name, TIME.format(at.atZone(config.zone())), chat, responseUrl, what);
    Map<String, String> headers = bot.header() == null ? Map.of() : Map.of(bot.header(), bot.token());
    Delivery delivery = new Delivery("bot", name, chat, bot.target(), "POST", "application/json", body,
        (inv, when) -> headers);
    sent.put(name, delivery);
    sender.send(delivery);
  }

  /** Sends an earlier message again as first sent; {@link IllegalArgumentException} when none of that name was. */
  void redeliver(String message) {
    Delivery delivery = sent.get(message);
    if (delivery == null) {
      throw new IllegalArgumentException("no message " + message + " was sent to the bot");
    }
    sender.send(delivery);
  }

  boolean wasSent(String message) {
    return sent.containsKey(message);
  }

  void chaos(int copies, Duration jitter) {
    chaosCopies = copies;
    chaosJitter = jitter;
    applyPolicy();
  }

  void redeliverWhileUnreachable(Duration window) {
    unreachableWindow = window;
    applyPolicy();
  }

  /** Forgets what was sent and restores the configured policy without chaos. */
  void clear() {
    sent.clear();
    chaosCopies = 1;
    chaosJitter = Duration.ZERO;
    unreachableWindow = Duration.ZERO;
    applyPolicy();
  }

  private void applyPolicy() {
    RetryPolicy p = config.delivery();
    if (!unreachableWindow.isZero()) {
      long gap = Math.max(1, p.backoff().max().toMillis());
      List<Retry> retries = new ArrayList<>(p.retries());
      retries.add(Retry.unanswered((int) Math.min(Integer.MAX_VALUE, unreachableWindow.toMillis() / gap + 1)));
      p = p.withRetries(retries);
    }
    sender.policy(p.withChaos(chaosCopies, chaosJitter));
  }
}
