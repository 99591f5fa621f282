package io.deskbridge.salesforce.internal.client;

import com.sforce.soap.partner.QueryResult;
import com.sforce.ws.bind.XmlObject;
import io.deskbridge.core.conversation.Conversation;
import io.deskbridge.core.conversation.ConversationKey;
import io.deskbridge.core.conversation.Visibility;
import io.deskbridge.core.email.Links;
import io.deskbridge.core.spi.HistoryReader;
import io.deskbridge.salesforce.internal.mapping.SalesforceMapping;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Closed Salesforce Cases for history replay: one SOQL {@code query} through the partner API
 * ({@link SalesforceMapping#historyQuery}: {@code IsClosed = true AND LastModifiedDate >= since}, with each Case's
 * CaseComments and EmailMessages), then {@code queryMore} with the query locator as the cursor. Each Case is mapped as
 * a load maps it ({@link SalesforceMapping#conversation}); unpublished comments are left out; links come from an
 * EmailMessage's {@code HtmlBody} (else its {@code TextBody}) and a comment's body. Thread-safe.
 */
final class SalesforceHistoryReader implements HistoryReader {
  /** Runs one partner API call the way the client runs all of them (usage recorded, failures mapped). */
  @FunctionalInterface
  interface Calls {
    <T> T call(String what, SalesforceHelpdeskClient.SoapCall<T> call);
  }

  private final String installationId;
  private final Calls calls;
  private final Supplier<String> integrationUserId;

  SalesforceHistoryReader(String installationId, Calls calls, Supplier<String> integrationUserId) {
    this.installationId = installationId;
    this.calls = calls;
    this.integrationUserId = integrationUserId;
  }

  @Override
  public HistoryPage page(Instant since, Optional<String> cursor) {
    QueryResult result = cursor.isPresent()
        ? calls.call("queryMore closed Cases", pc -> pc.queryMore(cursor.get()))
        : calls.call("query closed Cases", pc -> pc.query(SalesforceMapping.historyQuery(since)));
    var past = new ArrayList<PastConversation>();
    if (result != null && result.getRecords() != null) {
      for (XmlObject c : result.getRecords()) {
        past.add(conversation(c));
      }
    }
    boolean done = result == null || result.isDone() || result.getQueryLocator() == null;
    return new HistoryPage(past, done ? Optional.empty() : Optional.of(result.getQueryLocator()));
  }

  private PastConversation conversation(XmlObject c) {
    var key = new ConversationKey("salesforce", installationId, SalesforceMapping.str(c, "Id"));
    Conversation all = SalesforceMapping.conversation(key, c, integrationUserId.get(), id -> id);
    var shown = all.messages().stream().filter(m -> m.visibility() == Visibility.PUBLIC).toList();
    var conversation = new Conversation(key, all.channel(), all.subject(), all.customer(), all.groupId(),
        all.assigneeId(), all.tags(), all.closed(), shown, all.version());
    var links = new LinkedHashMap<String, List<String>>();
    for (XmlObject m : SalesforceMapping.records(c, "EmailMessages")) {
      String html = SalesforceMapping.str(m, "HtmlBody");
      put(links, SalesforceMapping.str(m, "Id"), Links.in(html.isBlank() ? SalesforceMapping.str(m, "TextBody") : html));
    }
    for (XmlObject r : SalesforceMapping.records(c, "CaseComments")) {
      put(links, SalesforceMapping.str(r, "Id"), Links.in(SalesforceMapping.str(r, "CommentBody")));
    }
    return new PastConversation(conversation, SalesforceMapping.time(c, "LastModifiedDate"), links);
  }

  private static void put(LinkedHashMap<String, List<String>> links, String id, List<String> found) {
    if (!found.isEmpty()) {
      links.put(id, found);
    }
  }
}
