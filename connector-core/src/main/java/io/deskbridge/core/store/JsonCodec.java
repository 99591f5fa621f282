package io.deskbridge.core.store;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.deskbridge.core.action.Action;
import io.deskbridge.core.webhook.InboundEvent;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JSON the store keeps in text columns: events, conversation state, a write's actions, and the audit's
 * lists and maps. Records are written field by field under their component names (no getters, so helper
 * methods such as {@code Message.isPublicCustomerMessage()} are not written), {@code Optional}s as the value or null,
 * instants as ISO-8601 strings with all their digits, sets in their order. Actions carry a {@code type}
 * ({@code public_reply}, {@code internal_note}, {@code assign_group}, {@code add_tags}), set by a mix-in so
 * the core types stay free of Jackson. Unknown properties are ignored, so an older instance reads what a
 * newer one wrote during a rolling upgrade. Renaming a record component changes the stored format; the
 * codec test pins it. Thread-safe.
 */
final class JsonCodec {
  private static final TypeReference<List<Action>> ACTIONS = new TypeReference<>() {};
  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
  private static final TypeReference<Map<String, Double>> SCORES = new TypeReference<>() {};

  private final ObjectMapper mapper;
  private final ObjectWriter actionsWriter;
  private final ObjectReader actionsReader;

  JsonCodec() {
    mapper = JsonMapper.builder()
        .addModule(new Jdk8Module())
        .addModule(new JavaTimeModule())
        .addModule(new SimpleModule("deskbridge-store").addAbstractTypeMapping(Set.class, LinkedHashSet.class))
        .addMixIn(Action.class, ActionMixIn.class)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        .visibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
        .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
        .build();
    actionsWriter = mapper.writerFor(ACTIONS);
    actionsReader = mapper.readerFor(ACTIONS);
  }

  /** Names the {@link Action} subtypes in JSON. */
  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
  @JsonSubTypes({
      @JsonSubTypes.Type(value = Action.PublicReply.class, name = "public_reply"),
      @JsonSubTypes.Type(value = Action.InternalNote.class, name = "internal_note"),
      @JsonSubTypes.Type(value = Action.AssignGroup.class, name = "assign_group"),
      @JsonSubTypes.Type(value = Action.AddTags.class, name = "add_tags"),
      @JsonSubTypes.Type(value = Action.FollowUpTicket.class, name = "follow_up_ticket")})
  private interface ActionMixIn {}

  String event(InboundEvent event) {
    return write(event);
  }

  InboundEvent event(String json) {
    return read(json, InboundEvent.class);
  }

  String state(ConversationState state) {
    return write(state);
  }

  /**
   * Reads a state. A state written before the opening message was an explicit reference remembers the opening as
   * handled under an id starting {@value #OLD_OPENING_PREFIX}; it is read as {@code openingHandled}, so a
   * conversation in flight during an upgrade never has its opening answered twice.
   */
  ConversationState state(String json) {
    var state = read(json, ConversationState.class);
    if (!state.openingHandled() && state.handledMessageIds().stream().anyMatch(id -> id.startsWith(OLD_OPENING_PREFIX))) {
      return state.withOpeningHandled(true);
    }
    return state;
  }

  /** How states written before {@code openingHandled} existed marked the opening message's stand-in. */
  static final String OLD_OPENING_PREFIX = "provisional:";

  String actions(List<Action> actions) {
    try {
      return actionsWriter.writeValueAsString(actions);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write actions as JSON", e);
    }
  }

  List<Action> actions(String json) {
    try {
      return actionsReader.readValue(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored actions are not readable: " + e.getOriginalMessage(), e);
    }
  }

  String strings(List<String> values) {
    return write(values);
  }

  List<String> strings(String json) {
    return read(json, STRINGS);
  }

  String scores(Map<String, Double> scores) {
    return write(scores);
  }

  Map<String, Double> scores(String json) {
    return read(json, SCORES);
  }

  private static final TypeReference<Map<String, Object>> DETAIL = new TypeReference<>() {};

  /** An audit record's detail; null when it is empty. */
  String detail(Map<String, Object> detail) {
    return detail.isEmpty() ? null : write(detail);
  }

  /** An audit record's detail as stored; empty for null. */
  Map<String, Object> detail(String json) {
    return json == null || json.isBlank() ? Map.of() : read(json, DETAIL);
  }

  private String write(Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
    }
  }

  private <T> T read(String json, Class<T> type) {
    try {
      return mapper.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored " + type.getSimpleName() + " is not readable: " + e.getOriginalMessage(),
          e);
    }
  }

  private <T> T read(String json, TypeReference<T> type) {
    try {
      return mapper.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored JSON is not readable: " + e.getOriginalMessage(), e);
    }
  }
}
