package io.deskbridge.mock.daktela;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The fake's record types, one per Daktela model it serves: the seeded reference records ({@code users},
 * {@code queues}, {@code ticketsCategories}, {@code statuses}) as immutable records, and the {@code tickets},
 * {@code activities} and {@code articles} the model creates and changes as mutable holders. Plain data: only
 * {@link Model} changes them, under its lock, and {@link ModelJson} renders them.
 */
final class ModelRecords {
  private ModelRecords() {}

  record User(String login, String title, String email) {}

  record Queue(int name, String title, String type) {}

  record Category(String name, String title, String sla, int emailQueue) {}

  record Status(String name, String title) {}

  static final class Ticket {
    int name;
    String title;
    String category;
    String user;
    String email;
    String contactName;
    String contactTitle;
    String stage;
    String priority;
    List<String> statuses = new ArrayList<>();
    String description;
    ObjectNode customFields = Json.obj();
    Instant created;
    Instant edited;
    String editedBy;
    Instant closed;
    Instant lastActivity;
    int activityCount;
  }

  static final class Activity {
    String name;
    int ticket;
    String type;
    String title;
    String description;
    String user;
    Instant time;
    /** When the fake stored it, at the clock's full precision ({@code time} is whole seconds, as Daktela's). */
    Instant storedAt;
    String action;
    Integer queue;
    String itemName;
    String direction;
    String address;
    String text;
    /** An incoming e-mail's headers beyond to/cc/bcc, rendered in {@code item.options.headers}. */
    Map<String, String> headers = Map.of();
  }

  /** A knowledge-base article (the {@code articles} model; its record shape is the connector's assumption). */
  static final class Article {
    String name;
    String title;
    String content;
    String folder;
    String language;
    List<String> tags = List.of();
    boolean published;
    boolean isPublic;
    Instant created;
    Instant edited;
  }
}
