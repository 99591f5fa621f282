package io.deskbridge.mock.daktela;

import io.deskbridge.mock.daktela.ModelRecords.Activity;
import io.deskbridge.mock.daktela.ModelRecords.Ticket;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * What the model tells the Events module ({@link Model.Changes}) about a change: the event's name, the template
 * variables Daktela fills in for it ({@code ticket.*}, for {@code activity_create} also {@code activity.*}, and
 * {@code event}), with times rendered as the API renders them, and the ticket it is about.
 *
 * <p>Called with the model's lock held, so events leave in the order of the changes; not thread-safe on its own.
 */
final class ChangeEvents {
  private final Model.Changes changes;
  private final Function<Instant, String> time;

  /** {@code time} renders an instant as the API does (local time in the configured zone). */
  ChangeEvents(Model.Changes changes, Function<Instant, String> time) {
    this.changes = changes;
    this.time = time;
  }

  /** A ticket event ({@code ticket_create}, {@code ticket_update}) with the ticket's variables. */
  void ticket(String event, Ticket t) {
    Map<String, String> vars = ticketVariables(t);
    vars.put("event", event);
    changes.changed(event, vars, String.valueOf(t.name));
  }

  /** {@code activity_create} with the ticket's and the activity's variables. */
  void activityCreated(Ticket t, Activity a) {
    Map<String, String> vars = ticketVariables(t);
    vars.put("activity.name", a.name);
    vars.put("activity.ticket", String.valueOf(t.name));
    vars.put("activity.user", a.user == null ? "" : a.user);
    vars.put("activity.type", a.type);
    vars.put("activity.time", time.apply(a.time));
    vars.put("event", "activity_create");
    changes.changed("activity_create", vars, String.valueOf(t.name));
  }

  private Map<String, String> ticketVariables(Ticket t) {
    Map<String, String> vars = new LinkedHashMap<>();
    vars.put("ticket.name", String.valueOf(t.name));
    vars.put("ticket.title", t.title);
    vars.put("ticket.category", t.category);
    vars.put("ticket.user", t.user == null ? "" : t.user);
    vars.put("ticket.stage", t.stage);
    vars.put("ticket.priority", t.priority);
    vars.put("ticket.email", t.email == null ? "" : t.email);
    vars.put("ticket.created", time.apply(t.created));
    vars.put("ticket.edited", time.apply(t.edited));
    return vars;
  }
}
