package io.deskbridge.salesforce.internal.webhook;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One Outbound Message as either parser reads it: the sending organization and its notifications, in order.
 *
 * @param organizationId the {@code OrganizationId} as sent (15 or 18 characters when genuine)
 * @param notifications  the notifications, at most {@value #MAX_NOTIFICATIONS}
 */
record SalesforceOutboundMessage(String organizationId, List<Notification> notifications) {
  /** The most notifications Salesforce puts in one message (the WSDL's maxOccurs). */
  static final int MAX_NOTIFICATIONS = 100;

  SalesforceOutboundMessage {
    notifications = List.copyOf(notifications);
  }

  /**
   * One notification: a record's selected fields at send time.
   *
   * @param id          the notification id, the deduplication key (a redelivery carries the same one)
   * @param sObjectType the record's type, such as {@code Case}
   * @param fields      the fields sent, by API name; empty and nil fields are absent; a relationship's fields
   *                    are named {@code Relationship.Field}
   */
  record Notification(String id, String sObjectType, Map<String, String> fields) {
    Notification {
      fields = Map.copyOf(fields);
    }

    /** A field's value; empty when it was not sent or is blank. */
    Optional<String> field(String name) {
      return Optional.ofNullable(fields.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }
  }
}
