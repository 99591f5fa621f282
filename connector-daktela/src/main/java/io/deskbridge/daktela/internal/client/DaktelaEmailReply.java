package io.deskbridge.daktela.internal.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/**
 * The body of an outgoing e-mail reply, {@code POST /api/v6/activities.json}: an {@code EMAIL} activity on the ticket
 * through the category's e-mail queue, its {@code item} addressed to the customer. <b>Unverified:</b> no public
 * source shows Daktela's REST body for sending an e-mail (docs/vendors daktela.md §2.3); this class is the one place
 * that assumes it, so a correction on a real instance changes only this class.
 */
final class DaktelaEmailReply {
  private DaktelaEmailReply() {}

  /**
   * @param ticket  the ticket's name
   * @param queue   the category's e-mail queue (its name, usually a number)
   * @param subject the ticket's title; the reply's is {@code Re: <title>}
   * @param address the customer's e-mail address
   * @param text    the reply, plain text
   */
  static ObjectNode body(ObjectMapper json, long ticket, String queue, String subject, String address, String text) {
    String title = subject.toLowerCase(Locale.ROOT).startsWith("re:") ? subject : "Re: " + subject;
    ObjectNode body = json.createObjectNode();
    body.put("ticket", ticket);
    body.put("type", "EMAIL");
    if (queue.matches("\\d{1,18}")) {
      body.put("queue", Long.parseLong(queue));
    } else {
      body.put("queue", queue);
    }
    body.put("title", title);
    body.put("action", "CLOSE");
    ObjectNode item = body.putObject("item");
    item.put("direction", "out");
    item.put("address", address);
    item.put("title", title);
    item.put("text", text);
    return body;
  }
}
