package io.deskbridge.core.engine;

import io.deskbridge.core.action.Action;
import io.deskbridge.core.escalation.Decision;
import io.deskbridge.core.escalation.HandoverNotes;
import io.deskbridge.core.spi.Capabilities;
import io.deskbridge.core.spi.Capability;
import io.deskbridge.core.spi.HelpdeskClient.Availability;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * Turns a decision into vendor operations for an installation's mode, routing and the vendor's capabilities. The
 * one place the mode is applied: draft mode turns a reply into a draft and writes nothing public; shadow mode
 * writes nothing. Stateless.
 */
final class ActionPlanner {
  private ActionPlanner() {}

  /**
   * What a decision leads to.
   *
   * @param decision   the decision as acted on: in draft mode a reply becomes a {@link Decision.Draft}
   * @param actions    the actions, in the order they are made
   * @param operations the actions grouped into vendor operations, each sent and confirmed on its own
   */
  record Plan(Decision decision, List<Action> actions, List<List<Action>> operations) {
    Plan {
      actions = List.copyOf(actions);
      operations = List.copyOf(operations);
    }
  }

  /**
   * Plans {@code decision} for the mode and routing, adapted to what the vendor can do. A handover while the routing
   * group's people are away ({@link Routing#hours()} at {@code now}) tells the customer when they are back, notes it
   * for the agent and carries {@link AfterHours#TAG}.
   */
  static Plan plan(Decision decision, Mode mode, Routing routing, Capabilities capabilities, Instant now) {
    return plan(decision, mode, routing, capabilities, now, Availability.UNKNOWN);
  }

  /**
   * As {@link #plan(Decision, Mode, Routing, Capabilities, Instant)}, with what the vendor said about the people
   * online: a handover within business hours while {@code online} is {@link Availability#NOBODY_ONLINE} tells the
   * customer the first colleague available replies, notes it for the agent and carries
   * {@link AfterHours#NOBODY_ONLINE_TAG}. Outside business hours the opening time is said instead, whatever the vendor
   * said. In either case, with {@link Capability#FOLLOW_UP_TICKET}, a {@link Action.FollowUpTicket} holding the note
   * goes first and the customer is told the request is also saved as a ticket.
   */
  static Plan plan(Decision decision, Mode mode, Routing routing, Capabilities capabilities, Instant now,
      Availability online) {
    var acted = mode == Mode.DRAFT && decision instanceof Decision.Reply reply ? reply.asDraft() : decision;
    var actions = adapt(actions(acted, mode, routing, now, online, capabilities.has(Capability.FOLLOW_UP_TICKET)),
        capabilities);
    if (capabilities.has(Capability.HANDOVER_ENDS_BOT_WRITES)) {
      actions = customerBeforeAssignment(actions, capabilities.has(Capability.ATOMIC_UPDATE));
    }
    return new Plan(acted, actions, operations(actions, capabilities));
  }

  /**
   * Groups actions into vendor operations. With {@link Capability#ATOMIC_UPDATE} each message (public reply or
   * internal note) starts an operation and the assignment and tags ride with the message before them; without
   * it every action is its own operation. Each operation is applied and confirmed on its own, so a retry never
   * posts an earlier message again.
   */
  static List<List<Action>> operations(List<Action> actions, Capabilities capabilities) {
    if (!capabilities.has(Capability.ATOMIC_UPDATE)) {
      return actions.stream().map(List::of).toList();
    }
    var ops = new ArrayList<List<Action>>();
    var current = new ArrayList<Action>();
    for (var action : actions) {
      boolean message = action instanceof Action.PublicReply || action instanceof Action.InternalNote;
      if (message && !current.isEmpty()) {
        ops.add(List.copyOf(current));
        current.clear();
      }
      current.add(action);
    }
    if (!current.isEmpty()) {
      ops.add(List.copyOf(current));
    }
    return List.copyOf(ops);
  }

  /**
   * The actions with each public reply moved before the first assignment, for a vendor where the assignment ends
   * the bot's writes ({@link Capability#HANDOVER_ENDS_BOT_WRITES}). Without {@link Capability#ATOMIC_UPDATE} the note
   * stays first (note, reply, assignment, tags); with it the note rides in the assignment's call, so the replies go
   * before the note (reply, note, assignment, tags: two calls, the customer's line while the bot still may write).
   */
  static List<Action> customerBeforeAssignment(List<Action> actions, boolean atomic) {
    int assign = -1;
    for (int i = 0; i < actions.size() && assign < 0; i++) {
      assign = actions.get(i) instanceof Action.AssignGroup ? i : -1;
    }
    if (assign < 0) {
      return actions;
    }
    var before = actions.subList(0, assign);
    var after = actions.subList(assign, actions.size());
    var replies = after.stream().filter(a -> a instanceof Action.PublicReply).toList();
    var ordered = new ArrayList<Action>();
    if (atomic) {
      ordered.addAll(replies);
      ordered.addAll(before);
    } else {
      ordered.addAll(before);
      ordered.addAll(replies);
    }
    after.stream().filter(a -> !(a instanceof Action.PublicReply)).forEach(ordered::add);
    return List.copyOf(ordered);
  }

  /** Drops tags when the vendor has none; shortens notes to the vendor's limit. */
  private static List<Action> adapt(List<Action> actions, Capabilities capabilities) {
    var adapted = new ArrayList<Action>();
    for (var action : actions) {
      if (action instanceof Action.AddTags && !capabilities.has(Capability.TAGS)) {
        continue;
      }
      if (action instanceof Action.InternalNote note && note.text().length() > capabilities.maxNoteChars()) {
        adapted.add(new Action.InternalNote(shorten(note.text(), capabilities.maxNoteChars())));
        continue;
      }
      adapted.add(action);
    }
    return List.copyOf(adapted);
  }

  private static String shorten(String text, int max) {
    return max <= 1 ? text.substring(0, max) : text.substring(0, max - 1) + "…";
  }

  private static List<Action> actions(Decision decision, Mode mode, Routing routing, Instant now,
      Availability online, boolean followUpTicket) {
    if (mode == Mode.SHADOW) {
      return List.of();
    }
    if (decision instanceof Decision.Reply reply) {
      return List.of(new Action.PublicReply(reply.text()));
    }
    if (decision instanceof Decision.Draft draft) {
      return List.of(new Action.InternalNote(draftNote("Proposed reply", draft.text(), draft.scores().confidence())));
    }
    if (decision instanceof Decision.Clarify clarify) {
      return mode == Mode.AUTO
          ? List.of(new Action.PublicReply(clarify.question()))
          : List.of(new Action.InternalNote(
              draftNote("Proposed clarifying question", clarify.question(), clarify.scores().confidence())));
    }
    if (decision instanceof Decision.Handover handover) {
      // the agent's part first: if a later write fails, a person already has the ticket and the summary
      var actions = new ArrayList<Action>();
      var away = routing.hours().nextOpening(handover.routingGroup(), now);
      boolean nobody = away.isEmpty() && online == Availability.NOBODY_ONLINE;
      String note = HandoverNotes.render(handover.summary());
      String fullNote = away.map(o -> note + "\n\n" + AfterHours.agentLine(o))
          .orElse(nobody ? note + "\n\n" + AfterHours.nobodyOnlineAgentLine() : note);
      // nobody can answer now: where the vendor can, the conversation is also kept as a ticket, before the summary
      boolean followUp = followUpTicket && (away.isPresent() || nobody);
      if (followUp) {
        actions.add(new Action.FollowUpTicket(fullNote));
      }
      actions.add(new Action.InternalNote(fullNote));
      actions.add(new Action.AssignGroup(routing.groupFor(handover.routingGroup())));
      var tags = new LinkedHashSet<String>();
      tags.add(routing.handoverTag());
      handover.summary().reasons().forEach(r -> tags.add("deskbridge_" + r.code()));
      away.ifPresent(o -> tags.add(AfterHours.TAG));
      if (nobody) {
        tags.add(AfterHours.NOBODY_ONLINE_TAG);
      }
      actions.add(new Action.AddTags(tags));
      if (mode == Mode.AUTO) {
        String language = handover.summary().language();
        String told = away.map(o -> handover.customerMessage() + " " + AfterHours.customerSentence(language, o))
            .orElse(nobody ? handover.customerMessage() + " " + AfterHours.nobodyOnlineSentence(language)
                : handover.customerMessage());
        actions.add(new Action.PublicReply(followUp ? told + " " + AfterHours.followUpSentence(language) : told));
      }
      return List.copyOf(actions);
    }
    return List.of();
  }

  private static String draftNote(String title, String text, double confidence) {
    return "Deskbridge draft: " + title.toLowerCase(Locale.ROOT) + " (confidence "
        + Math.round(confidence * 100) + " %). Review it and send it if it fits.\n\n" + text;
  }
}
