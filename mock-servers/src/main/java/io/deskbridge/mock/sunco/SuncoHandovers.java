package io.deskbridge.mock.sunco;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deskbridge.mock.sunco.SuncoModel.Conv;
import io.deskbridge.mock.sunco.SuncoViews.Handover;
import io.deskbridge.mock.sunco.SuncoViews.Message;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * What the agent workspace receives when control arrives at it (zendesk.md §3.4): Zendesk makes the messaging ticket,
 * here a {@link Handover} numbered from 1 with the transcript from the metadata's {@code first_message_id} (else the
 * last 10 messages) and its {@code dataCapture.*} fields, recorded and handed to every listener.
 *
 * <p>Called with the model's lock held, except {@link #onHandover}, which any thread may call; listeners run under
 * that lock.
 */
final class SuncoHandovers {
  private final Clock clock;
  private final List<Handover> handovers = new ArrayList<>();
  private final List<Consumer<Handover>> listeners = new CopyOnWriteArrayList<>();
  private long tickets;

  SuncoHandovers(Clock clock) {
    this.clock = clock;
  }

  void reset() {
    handovers.clear();
    tickets = 0;
  }

  void onHandover(Consumer<Handover> listener) {
    listeners.add(listener);
  }

  List<Handover> all() {
    return List.copyOf(handovers);
  }

  /** Control arrived at {@code c}'s active integration: when it is the agent workspace, a handover is made. */
  void ifAgents(Conv c, ObjectNode metadata) {
    if (!SuncoFake.AGENT_WORKSPACE_TYPE.equals(c.active.integrationType)) {
      return;
    }
    String first = metadata.hasNonNull("first_message_id") ? metadata.get("first_message_id").asText() : null;
    int start = -1;
    for (int i = 0; first != null && i < c.messages.size(); i++) {
      if (c.messages.get(i).id().equals(first)) {
        start = i;
      }
    }
    List<Message> transcript = start >= 0 ? c.messages.subList(start, c.messages.size())
        : c.messages.subList(Math.max(0, c.messages.size() - 10), c.messages.size());
    Map<String, Object> fields = new LinkedHashMap<>();
    SuncoModel.map(metadata).forEach((k, v) -> {
      if (k.startsWith("dataCapture.")) {
        fields.put(k, v);
      }
    });
    Handover h = new Handover(++tickets, c.id, clock.instant(), first, start >= 0, transcript, fields, SuncoModel.map(metadata));
    handovers.add(h);
    listeners.forEach(l -> l.accept(h));
  }
}
