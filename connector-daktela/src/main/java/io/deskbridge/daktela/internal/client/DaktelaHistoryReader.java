package io.deskbridge.daktela.internal.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.deskbridge.core.conversation.Conversation;
import io.deskbridge.core.conversation.ConversationKey;
import io.deskbridge.core.conversation.Visibility;
import io.deskbridge.core.email.Links;
import io.deskbridge.core.spi.HelpdeskClient;
import io.deskbridge.core.spi.HistoryReader;
import io.deskbridge.daktela.internal.mapping.DaktelaTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/**
 * Closed Daktela tickets for history replay: {@code GET tickets.json} filtered on {@code stage in (CLOSE, ARCHIVE)}
 * (what {@code DaktelaMapping.closed} counts as closed) and
 * {@code edited gte since} (the instance's time zone), sorted by {@code edited} then {@code name}, {@value #TAKE} a
 * page with {@code skip} as the cursor; each ticket then loaded as the connector loads it (its activities through
 * {@link HelpdeskClient#load}), comments left out. Links are read from each message's text. Thread-safe.
 */
final class DaktelaHistoryReader implements HistoryReader {
  /** Tickets a page; each costs one more call for its activities. */
  static final int TAKE = 100;

  private final String installationId;
  private final DaktelaApi api;
  private final DaktelaTime time;
  private final HelpdeskClient client;
  private final int take;

  DaktelaHistoryReader(String installationId, DaktelaApi api, DaktelaTime time, HelpdeskClient client, int take) {
    this.installationId = installationId;
    this.api = api;
    this.time = time;
    this.client = client;
    this.take = take;
  }

  @Override
  public HistoryPage page(Instant since, Optional<String> cursor) {
    int skip = cursor.map(Integer::parseInt).orElse(0);
    var query = DaktelaQuery.all()
        .filter(DaktelaQuery.and(DaktelaQuery.in("stage", "CLOSE", "ARCHIVE"),
            DaktelaQuery.gte("edited", time.format(since))))
        .sort("edited", DaktelaQuery.Dir.ASC)
        .sort("name", DaktelaQuery.Dir.ASC)
        .skip(skip)
        .take(take);
    var page = DaktelaEnvelope.page(api.tickets(query.parameters()));
    var past = new ArrayList<PastConversation>();
    for (JsonNode ticket : page.data()) {
      String name = ticket.path("name").asText("");
      if (name.isEmpty()) {
        continue;
      }
      var key = new ConversationKey("daktela", installationId, name);
      Conversation all = client.load(new HelpdeskClient.LoadRequest(key, Optional.empty()));
      var shown = all.messages().stream().filter(m -> m.visibility() == Visibility.PUBLIC).toList();
      var links = new LinkedHashMap<String, List<String>>();
      shown.forEach(m -> {
        var found = Links.in(m.text());
        if (!found.isEmpty()) {
          links.put(m.id(), found);
        }
      });
      String edited = ticket.path("edited").asText("");
      past.add(new PastConversation(new Conversation(key, all.channel(), all.subject(), all.customer(),
          all.groupId(), all.assigneeId(), all.tags(), all.closed(), shown, all.version()),
          edited.isEmpty() ? since : time.parse(edited), links));
    }
    boolean more = page.data().size() == take && skip + take < page.total();
    return new HistoryPage(past, more ? Optional.of(String.valueOf(skip + take)) : Optional.empty());
  }
}
