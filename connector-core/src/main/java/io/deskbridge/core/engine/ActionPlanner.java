package io.deskbridge.core.engine;

import io.deskbridge.core.action.Action;
import io.deskbridge.core.escalation.Decision;
import io.deskbridge.core.escalation.HandoverNotes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/** Turns a decision into vendor-neutral actions for an installation's mode and routing. Stateless. */
final class ActionPlanner {
  private ActionPlanner() {}

  /**
   * Splits actions into vendor operations: each message (public reply or internal note) starts one, and
   * assignment and tags ride with the message before them. Each operation is applied and retried on its
   * own, so a retry never posts an earlier message again.
   */
  static List<List<Action>> operations(List<Action> actions) {
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

  static List<Action> plan(Decision decision, Mode mode, Routing routing) {
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
      // the agent's part first: if the second write fails, a person already has the ticket and the summary
      var actions = new ArrayList<Action>();
      actions.add(new Action.InternalNote(HandoverNotes.render(handover.summary())));
      actions.add(new Action.AssignGroup(routing.groupFor(handover.routingGroup())));
      var tags = new LinkedHashSet<String>();
      tags.add(routing.handoverTag());
      handover.summary().reasons().forEach(r -> tags.add("deskbridge_" + r.code()));
      actions.add(new Action.AddTags(tags));
      if (mode == Mode.AUTO) {
        actions.add(new Action.PublicReply(handover.customerMessage()));
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
