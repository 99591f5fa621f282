package io.deskbridge.daktela.internal.client;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A Daktela list query in the Kendo-style bracket syntax PHP's {@code http_build_query} produces (the grouped filter
 * form, the most portable): {@code filter[logic]=and&filter[filters][0][field]=stage&...}, {@code sort[i][field|dir]},
 * {@code skip}, {@code take} and {@code fields[i]}. Feign's query-map encoding cannot nest, so the query is built
 * here, its names and values percent-encoded (RFC 3986; brackets as {@code %5B}/{@code %5D}, spaces as {@code %20}),
 * and passed to Feign as already encoded. {@code take} is at most {@value #MAX_TAKE}: Daktela refuses more, and
 * this class never builds such a query. Immutable.
 */
final class DaktelaQuery {
  /** Daktela's largest page ({@code "Max defined take is 1000"}). */
  static final int MAX_TAKE = 1000;

  private final Group filter;
  private final List<Sort> sorts;
  private final int skip;
  private final int take;
  private final List<String> fields;

  private DaktelaQuery(Group filter, List<Sort> sorts, int skip, int take, List<String> fields) {
    this.filter = filter;
    this.sorts = List.copyOf(sorts);
    this.skip = skip;
    this.take = take;
    this.fields = List.copyOf(fields);
  }

  /** An empty query (Daktela's defaults: no filter, take 100). */
  static DaktelaQuery all() {
    return new DaktelaQuery(null, List.of(), 0, -1, List.of());
  }

  /** How filter groups combine their members. */
  enum Logic {
    AND, OR;

    String wire() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Sort direction. */
  enum Dir {
    ASC, DESC;

    String wire() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** A filter: one condition or a group of them. */
  sealed interface Filter permits Condition, Group {}

  /**
   * One condition. {@code values} has one value for the comparison operators, several for {@code in}/{@code notin}/
   * {@code between} (sent as {@code value[i]}), none for {@code isnull}/{@code isnotnull} (sent without a value).
   */
  record Condition(String field, String operator, List<String> values, boolean list) implements Filter {
    Condition {
      requireName(field, "field");
      requireName(operator, "operator");
      values = List.copyOf(values);
    }
  }

  /** A group of filters combined by {@code logic}; groups nest. */
  record Group(Logic logic, List<Filter> filters) implements Filter {
    Group {
      Objects.requireNonNull(logic, "logic");
      filters = List.copyOf(filters);
      if (filters.isEmpty()) {
        throw new IllegalArgumentException("a filter group needs at least one filter");
      }
    }
  }

  /** One sort key. */
  record Sort(String field, Dir dir) {
    Sort {
      requireName(field, "field");
      Objects.requireNonNull(dir, "dir");
    }
  }

  static Condition eq(String field, String value) {
    return new Condition(field, "eq", List.of(value), false);
  }

  static Condition neq(String field, String value) {
    return new Condition(field, "neq", List.of(value), false);
  }

  static Condition gt(String field, String value) {
    return new Condition(field, "gt", List.of(value), false);
  }

  static Condition gte(String field, String value) {
    return new Condition(field, "gte", List.of(value), false);
  }

  static Condition lt(String field, String value) {
    return new Condition(field, "lt", List.of(value), false);
  }

  static Condition lte(String field, String value) {
    return new Condition(field, "lte", List.of(value), false);
  }

  static Condition in(String field, String... values) {
    return new Condition(field, "in", List.of(values), true);
  }

  static Condition notIn(String field, String... values) {
    return new Condition(field, "notin", List.of(values), true);
  }

  static Condition isNull(String field) {
    return new Condition(field, "isnull", List.of(), false);
  }

  static Condition isNotNull(String field) {
    return new Condition(field, "isnotnull", List.of(), false);
  }

  static Group and(Filter... filters) {
    return new Group(Logic.AND, List.of(filters));
  }

  static Group or(Filter... filters) {
    return new Group(Logic.OR, List.of(filters));
  }

  /** This query with its filter replaced. */
  DaktelaQuery filter(Group group) {
    return new DaktelaQuery(Objects.requireNonNull(group, "group"), sorts, skip, take, fields);
  }

  /** This query with one more sort key (the first added sorts first). */
  DaktelaQuery sort(String field, Dir dir) {
    var more = new ArrayList<>(sorts);
    more.add(new Sort(field, dir));
    return new DaktelaQuery(filter, more, skip, take, fields);
  }

  /** This query starting at record {@code skip}. */
  DaktelaQuery skip(int skip) {
    if (skip < 0) {
      throw new IllegalArgumentException("skip must not be negative, was " + skip);
    }
    return new DaktelaQuery(filter, sorts, skip, take, fields);
  }

  /**
   * This query returning at most {@code take} records.
   *
   * @throws IllegalArgumentException when {@code take} is not between 1 and {@value #MAX_TAKE}
   */
  DaktelaQuery take(int take) {
    if (take < 1 || take > MAX_TAKE) {
      throw new IllegalArgumentException("take must be between 1 and " + MAX_TAKE + " (Daktela's maximum), was " + take);
    }
    return new DaktelaQuery(filter, sorts, skip, take, fields);
  }

  /** This query returning only these fields. */
  DaktelaQuery fields(String... names) {
    for (String n : names) {
      requireName(n, "field");
    }
    return new DaktelaQuery(filter, sorts, skip, take, List.of(names));
  }

  /** The page size, or -1 when Daktela's default applies. */
  int take() {
    return take;
  }

  /** The first record's offset. */
  int skip() {
    return skip;
  }

  /** The parameters in order (filter, sort, skip, take, fields), names and values not encoded. */
  Map<String, String> decodedParameters() {
    var params = new LinkedHashMap<String, String>();
    if (filter != null) {
      group("filter", filter, params);
    }
    for (int i = 0; i < sorts.size(); i++) {
      params.put("sort[" + i + "][field]", sorts.get(i).field());
      params.put("sort[" + i + "][dir]", sorts.get(i).dir().wire());
    }
    if (skip > 0) {
      params.put("skip", Integer.toString(skip));
    }
    if (take > 0) {
      params.put("take", Integer.toString(take));
    }
    for (int i = 0; i < fields.size(); i++) {
      params.put("fields[" + i + "]", fields.get(i));
    }
    return params;
  }

  /** The parameters in order, names and values percent-encoded: what Feign sends as it is. */
  Map<String, Object> parameters() {
    var encoded = new LinkedHashMap<String, Object>();
    decodedParameters().forEach((k, v) -> encoded.put(encode(k), encode(v)));
    return encoded;
  }

  /** The query string as sent: {@code name=value} pairs, percent-encoded, joined by {@code &}. */
  String encoded() {
    return join(parameters());
  }

  /** The query string unencoded, as the vendor's documentation writes it. */
  String decoded() {
    return join(decodedParameters());
  }

  @Override
  public String toString() {
    return decoded();
  }

  private static void group(String prefix, Group group, Map<String, String> params) {
    params.put(prefix + "[logic]", group.logic().wire());
    for (int i = 0; i < group.filters().size(); i++) {
      String p = prefix + "[filters][" + i + "]";
      Filter f = group.filters().get(i);
      if (f instanceof Group g) {
        group(p, g, params);
      } else {
        Condition c = (Condition) f;
        params.put(p + "[field]", c.field());
        params.put(p + "[operator]", c.operator());
        if (c.list()) {
          for (int j = 0; j < c.values().size(); j++) {
            params.put(p + "[value][" + j + "]", c.values().get(j));
          }
        } else if (!c.values().isEmpty()) {
          params.put(p + "[value]", c.values().get(0));
        }
      }
    }
  }

  private static String join(Map<String, ?> params) {
    var out = new StringBuilder();
    params.forEach((k, v) -> out.append(out.length() == 0 ? "" : "&").append(k).append('=').append(v));
    return out.toString();
  }

  /** RFC 3986 percent-encoding of everything but the unreserved characters, UTF-8. */
  static String encode(String s) {
    var out = new StringBuilder();
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_'
          || c == '~') {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }

  private static void requireName(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + " must not be blank");
    }
  }
}
