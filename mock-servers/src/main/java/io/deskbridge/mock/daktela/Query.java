package io.deskbridge.mock.daktela;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A Daktela list query (daktela.md §1.5) and its evaluation over rendered records: {@code skip}/{@code take} (default
 * 100, at most 1000), {@code fields[]}, {@code sort[i][field|dir]}, {@code q} (full text) and Kendo-style filters in
 * the three shapes Daktela clients send: grouped ({@code filter[logic]} + {@code filter[filters][i]...}, nesting),
 * single ({@code filter[field]=...}) and flat ({@code filter[i][field]=...}, and-ed).
 *
 * <p>A field is a record key or a dotted path ({@code category.name}); an expanded reference (an object) compares by
 * its {@code name}, a list (statuses) matches when any item does. Comparison is numeric when both sides are numbers,
 * otherwise textual; {@code eq}, {@code neq}, {@code like}, {@code contains} and friends ignore case, as MySQL's
 * default collation does. Date strings ({@code yyyy-MM-dd HH:mm:ss}) compare as text, which orders them.
 *
 * <p>Immutable and thread-safe.
 */
record Query(int skip, int take, List<String> fields, List<Sort> sorts, Filter filter, String q) {
  static final int DEFAULT_TAKE = 100;
  static final int MAX_TAKE = 1000;
  static final Set<String> OPERATORS = Set.of("eq", "neq", "gt", "gte", "lt", "lte", "like", "notlike", "contains",
      "doesnotcontain", "startswith", "endswith", "in", "notin", "isnull", "isnotnull", "between");

  /** A query Daktela rejects: 400 with {@code {"error":[message],"result":null}}. */
  static final class Invalid extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Invalid(String message) {
      super(message, null, false, false);
    }
  }

  record Sort(String field, boolean descending) {}

  /** A filter tree. */
  sealed interface Filter {
    boolean test(ObjectNode record);
  }

  /** {@code logic} and/or over its filters (an empty group matches everything). */
  record Group(boolean or, List<Filter> filters) implements Filter {
    @Override
    public boolean test(ObjectNode record) {
      if (filters.isEmpty()) {
        return true;
      }
      return or ? filters.stream().anyMatch(f -> f.test(record)) : filters.stream().allMatch(f -> f.test(record));
    }
  }

  /** One condition. */
  record Condition(String field, String operator, List<String> values) implements Filter {
    @Override
    public boolean test(ObjectNode record) {
      String root = field.split("\\.", 2)[0];
      if (!record.has(root)) {
        throw new Invalid("Unknown filter field " + field);
      }
      List<String> actual = Query.values(record, field);
      switch (operator) {
        case "isnull":
          return actual.isEmpty();
        case "isnotnull":
          return !actual.isEmpty();
        case "neq":
          return actual.stream().noneMatch(a -> equal(a, first()));
        case "notin":
          return actual.stream().noneMatch(a -> values.stream().anyMatch(v -> equal(a, v)));
        case "notlike":
          return actual.stream().noneMatch(a -> like(first()).matcher(a).matches());
        case "doesnotcontain":
          return actual.stream().noneMatch(a -> lower(a).contains(lower(first())));
        default:
          return actual.stream().anyMatch(this::matches);
      }
    }

    private boolean matches(String a) {
      return switch (operator) {
        case "eq" -> equal(a, first());
        case "gt" -> compare(a, first()) > 0;
        case "gte" -> compare(a, first()) >= 0;
        case "lt" -> compare(a, first()) < 0;
        case "lte" -> compare(a, first()) <= 0;
        case "like" -> like(first()).matcher(a).matches();
        case "contains" -> lower(a).contains(lower(first()));
        case "startswith" -> lower(a).startsWith(lower(first()));
        case "endswith" -> lower(a).endsWith(lower(first()));
        case "in" -> values.stream().anyMatch(v -> equal(a, v));
        case "between" -> values.size() == 2 && compare(a, values.get(0)) >= 0 && compare(a, values.get(1)) <= 0;
        default -> throw new Invalid("Unknown filter operator " + operator);
      };
    }

    private String first() {
      if (values.isEmpty()) {
        throw new Invalid("Filter on " + field + " with operator " + operator + " needs a value");
      }
      return values.get(0);
    }
  }

  /** The page of {@code records} this query selects, and the number of records the filter keeps. */
  record Page(List<ObjectNode> data, int total) {}

  /** Parses the query tree ({@link Brackets#parse}). @throws Invalid for a bad take, skip, sort or filter */
  static Query of(Map<String, Object> params) {
    int take = integer(params.get("take"), "take", DEFAULT_TAKE);
    if (take > MAX_TAKE) {
      throw new Invalid("Max defined take is " + MAX_TAKE);
    }
    int skip = integer(params.get("skip"), "skip", 0);
    List<String> fields = new ArrayList<>();
    for (Object f : Brackets.items(params.get("fields"))) {
      if (f instanceof String s && !s.isBlank()) {
        fields.addAll(List.of(s.split(",")));
      }
    }
    List<Sort> sorts = new ArrayList<>();
    for (Object s : Brackets.items(params.get("sort"))) {
      if (!(s instanceof Map<?, ?> m) || !(m.get("field") instanceof String field) || field.isBlank()) {
        throw new Invalid("Sort needs a field: sort[i][field]=...&sort[i][dir]=asc|desc");
      }
      Object dir = m.get("dir");
      String d = dir == null ? "asc" : String.valueOf(dir).toLowerCase(Locale.ROOT);
      if (!d.equals("asc") && !d.equals("desc")) {
        throw new Invalid("Sort direction must be asc or desc, was " + dir);
      }
      sorts.add(new Sort(field, d.equals("desc")));
    }
    Object f = params.get("filter");
    Filter filter = f == null ? new Group(false, List.of()) : filter(f);
    Object q = params.get("q");
    return new Query(skip, take, List.copyOf(fields), List.copyOf(sorts), filter,
        q instanceof String s && !s.isBlank() ? s : null);
  }

  /** A filter node: a group ({@code logic}/{@code filters}), a condition ({@code field}) or a flat list. */
  static Filter filter(Object node) {
    if (!(node instanceof Map<?, ?> m)) {
      throw new Invalid("Filter must be given as filter[field], filter[filters][i][...] or filter[i][...]");
    }
    if (m.containsKey("filters") || m.containsKey("logic")) {
      Object logic = m.get("logic");
      String l = logic == null ? "and" : String.valueOf(logic).toLowerCase(Locale.ROOT);
      if (!l.equals("and") && !l.equals("or")) {
        throw new Invalid("Filter logic must be and or or, was " + logic);
      }
      List<Filter> children = new ArrayList<>();
      for (Object child : Brackets.items(m.get("filters"))) {
        children.add(filter(child));
      }
      return new Group(l.equals("or"), List.copyOf(children));
    }
    if (m.containsKey("field")) {
      return condition(m);
    }
    if (Brackets.isList(m)) {
      List<Filter> children = new ArrayList<>();
      for (Object child : Brackets.items(m)) {
        children.add(filter(child));
      }
      return new Group(false, List.copyOf(children));
    }
    throw new Invalid("Filter must be given as filter[field], filter[filters][i][...] or filter[i][...]");
  }

  private static Condition condition(Map<?, ?> m) {
    if (!(m.get("field") instanceof String field) || field.isBlank()) {
      throw new Invalid("Filter field must be a name");
    }
    Object op = m.get("operator");
    String operator = op == null ? "eq" : String.valueOf(op).toLowerCase(Locale.ROOT);
    if (!OPERATORS.contains(operator)) {
      throw new Invalid("Unknown filter operator " + op);
    }
    List<String> values = new ArrayList<>();
    Object value = m.get("value");
    if (value instanceof Map<?, ?>) {
      Brackets.items(value).forEach(v -> values.add(String.valueOf(v)));
    } else if (value != null) {
      String s = (String) value;
      if (operator.equals("in") || operator.equals("notin") || operator.equals("between")) {
        values.addAll(List.of(s.split(",")));
      } else {
        values.add(s);
      }
    }
    return new Condition(field, operator, List.copyOf(values));
  }

  /** Filters, sorts and pages {@code records} (rendered, with every field present). */
  Page apply(List<ObjectNode> records) {
    List<ObjectNode> kept = new ArrayList<>();
    for (ObjectNode r : records) {
      if (filter.test(r) && (q == null || fullText(r, lower(q)))) {
        kept.add(r);
      }
    }
    if (!sorts.isEmpty()) {
      Comparator<ObjectNode> order = null;
      for (Sort s : sorts) {
        Comparator<ObjectNode> c = (a, b) -> compareNullable(sortKey(a, s.field()), sortKey(b, s.field()));
        c = s.descending() ? c.reversed() : c;
        order = order == null ? c : order.thenComparing(c);
      }
      kept.sort(order); // stable: ties keep the model's order
    }
    List<ObjectNode> page = new ArrayList<>();
    for (int i = skip; i < kept.size() && page.size() < take; i++) {
      page.add(fields.isEmpty() ? kept.get(i) : project(kept.get(i)));
    }
    return new Page(page, kept.size());
  }

  private ObjectNode project(ObjectNode r) {
    ObjectNode out = r.objectNode();
    for (String f : fields) {
      if (r.has(f)) {
        out.set(f, r.get(f));
      }
    }
    if (r.has("_sys")) {
      out.set("_sys", r.get("_sys"));
    }
    return out;
  }

  private static String sortKey(ObjectNode r, String field) {
    List<String> v = values(r, field);
    return v.isEmpty() ? null : v.get(0);
  }

  private static int compareNullable(String a, String b) {
    if (a == null || b == null) {
      return a == null ? (b == null ? 0 : -1) : 1;
    }
    return compare(a, b);
  }

  /** The scalar values at {@code field}: objects by their name, lists item by item, null as none. */
  static List<String> values(JsonNode record, String field) {
    JsonNode n = record;
    for (String part : field.split("\\.")) {
      n = n == null ? null : n.get(part);
    }
    List<String> out = new ArrayList<>();
    collect(n, out);
    return out;
  }

  private static void collect(JsonNode n, List<String> out) {
    if (n == null || n.isNull() || n.isMissingNode()) {
      return;
    }
    if (n.isArray()) {
      n.forEach(item -> collect(item, out));
    } else if (n.isObject()) {
      collect(n.get("name"), out);
    } else {
      out.add(n.isBoolean() ? (n.asBoolean() ? "1" : "0") : n.asText());
    }
  }

  private static boolean fullText(JsonNode n, String needle) {
    if (n == null || n.isNull()) {
      return false;
    }
    if (n.isTextual() || n.isNumber()) {
      return lower(n.asText()).contains(needle);
    }
    if (n.isArray()) {
      for (JsonNode child : n) {
        if (fullText(child, needle)) {
          return true;
        }
      }
    }
    if (n.isObject()) {
      for (var it = n.fields(); it.hasNext(); ) {
        var field = it.next();
        if (!field.getKey().equals("_sys") && fullText(field.getValue(), needle)) {
          return true;
        }
      }
    }
    return false;
  }

  static boolean equal(String a, String b) {
    BigDecimal x = number(a);
    BigDecimal y = number(b);
    return x != null && y != null ? x.compareTo(y) == 0 : a.equalsIgnoreCase(b);
  }

  static int compare(String a, String b) {
    BigDecimal x = number(a);
    BigDecimal y = number(b);
    return x != null && y != null ? x.compareTo(y) : a.compareTo(b);
  }

  /** SQL LIKE: {@code %} any run, {@code _} one character, case-insensitive. */
  static Pattern like(String pattern) {
    StringBuilder re = new StringBuilder();
    for (char c : pattern.toCharArray()) {
      re.append(c == '%' ? ".*" : c == '_' ? "." : Pattern.quote(String.valueOf(c)));
    }
    return Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
  }

  private static BigDecimal number(String s) {
    if (s == null || s.isEmpty() || s.length() > 30 || !s.matches("-?\\d+(\\.\\d+)?")) {
      return null;
    }
    return new BigDecimal(s);
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  private static int integer(Object v, String name, int dflt) {
    if (v == null || "".equals(v)) {
      return dflt;
    }
    if (!(v instanceof String s) || !s.matches("\\d{1,9}")) {
      throw new Invalid(name + " must be a non-negative whole number, was " + v);
    }
    return Integer.parseInt(s);
  }
}
