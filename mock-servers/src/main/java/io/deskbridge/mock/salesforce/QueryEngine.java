package io.deskbridge.mock.salesforce;

import io.deskbridge.mock.salesforce.Model.Rec;
import io.deskbridge.mock.salesforce.Soql.SoqlException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs parsed SOQL ({@link Soql}) on the {@link Model}: resolves the object ({@code INVALID_TYPE}), every field and
 * relationship path ({@code INVALID_FIELD}) and child relationship, filters, sorts (nulls first ascending, as
 * Salesforce), limits, and pages by the batch size with query locators for {@code queryMore}. Rows are immutable
 * snapshots taken under the model's lock.
 *
 * <p>Thread-safe: cursors live in a synchronized map; the model is read under its own lock.
 */
final class QueryEngine {
  /** One result record: its object, its id (rendered only when selected), and the selected cells in order. */
  record Row(String type, String id, boolean idSelected, List<Cell> cells) {}

  sealed interface Cell permits Value, Parent, Children {
    String name();
  }

  /** A field; {@code value} is a String, Boolean or Instant, or null. */
  record Value(String name, Object value) implements Cell {}

  /** A parent relationship ({@code CreatedBy}), null when the lookup is empty. */
  record Parent(String name, Row row) implements Cell {}

  /** A child relationship's rows ({@code CaseComments}). */
  record Children(String name, List<Row> rows) implements Cell {}

  /** One page: {@code locator} is null when done. */
  record Page(List<Row> rows, int total, String locator) {}

  private record Cursor(List<Row> rows, int batchSize) {}

  private final Model model;
  private final Map<String, Cursor> cursors = new LinkedHashMap<>();
  private final AtomicLong locators = new AtomicLong(1);

  QueryEngine(Model model) {
    this.model = model;
  }

  /** The first page of {@code soql}. @throws ApiFault INVALID_TYPE, INVALID_FIELD, MALFORMED_QUERY */
  Page query(String soql, int batchSize) {
    Soql.Query q;
    try {
      q = Soql.parse(soql);
    } catch (SoqlException e) {
      throw new ApiFault(e.code, e.getMessage());
    }
    Schema.SObjectType type = Schema.type(q.object()).orElseThrow(() -> ApiFault.invalidType(q.object()));
    if (type.name().equals(Schema.KNOWLEDGE) && q.where().stream().noneMatch(QueryEngine::knowledgeFilter)) {
      throw new ApiFault("MALFORMED_QUERY", "Implementation restriction: When querying the Knowledge__kav object, you "
          + "must filter using the following syntax: Id = [single ID], Id IN [list of IDs], KnowledgeArticleId = "
          + "[single ID], KnowledgeArticleId IN [list of IDs] or PublishStatus = [status].");
    }
    List<Row> rows = model.read(m -> run(m, q, type, null, true));
    return page(rows, 0, batchSize);
  }

  /**
   * The records of {@code ids} with the fields of {@code fieldList} (comma-separated, relationship paths allowed), in
   * order; null for ids not found, deleted or of another object. @throws ApiFault INVALID_TYPE, INVALID_FIELD
   */
  List<Row> retrieve(String fieldList, String objectType, List<String> ids) {
    Schema.SObjectType type = Schema.type(objectType == null ? "" : objectType)
        .orElseThrow(() -> ApiFault.invalidType(objectType));
    Soql.Query q;
    try {
      q = Soql.parse("SELECT " + fieldList + " FROM " + type.name());
    } catch (SoqlException e) {
      throw new ApiFault(e.code, e.getMessage());
    }
    if (q.items().stream().anyMatch(i -> i instanceof Soql.SubQuery)) {
      throw new ApiFault("MALFORMED_QUERY", "retrieve does not take subqueries");
    }
    q.items().forEach(i -> resolve(type, ((Soql.FieldItem) i).path()));
    return model.read(m -> {
      List<Row> out = new ArrayList<>();
      for (String id : ids) {
        Rec r = m.find(id.trim()).filter(x -> !x.deleted && x.type.name().equals(type.name())).orElse(null);
        out.add(r == null ? null : row(m, r, type, q));
      }
      return out;
    });
  }

  /** A condition Salesforce accepts as the required filter of a {@code __kav} query. */
  private static boolean knowledgeFilter(Soql.Condition c) {
    String field = String.join(".", c.path());
    return (c.op() == Soql.Op.EQ || c.op() == Soql.Op.IN) && (field.equalsIgnoreCase("Id")
        || field.equalsIgnoreCase("KnowledgeArticleId") || c.op() == Soql.Op.EQ && field.equalsIgnoreCase("PublishStatus"));
  }

  /** The page after a locator. @throws ApiFault INVALID_QUERY_LOCATOR */
  synchronized Page queryMore(String locator) {
    int dash = locator == null ? -1 : locator.lastIndexOf('-');
    Cursor c = dash < 0 ? null : cursors.get(locator.substring(0, dash));
    if (c == null) {
      throw new ApiFault("INVALID_QUERY_LOCATOR", "invalid query locator");
    }
    int offset;
    try {
      offset = Integer.parseInt(locator.substring(dash + 1));
    } catch (NumberFormatException e) {
      throw new ApiFault("INVALID_QUERY_LOCATOR", "invalid query locator");
    }
    if (offset < 0 || offset > c.rows().size()) {
      throw new ApiFault("INVALID_QUERY_LOCATOR", "invalid query locator");
    }
    return page(c.rows(), offset, c.batchSize(), locator.substring(0, dash));
  }

  synchronized void reset() {
    cursors.clear();
  }

  private Page page(List<Row> rows, int offset, int batchSize) {
    String key = null;
    if (rows.size() - offset > batchSize) {
      key = "01g5g" + String.format("%010d", locators.getAndIncrement()) + "AAA";
      synchronized (this) {
        cursors.put(key, new Cursor(rows, batchSize));
      }
    }
    return page(rows, offset, batchSize, key);
  }

  private static Page page(List<Row> rows, int offset, int batchSize, String key) {
    int end = Math.min(rows.size(), offset + batchSize);
    String locator = end < rows.size() ? key + "-" + end : null;
    return new Page(List.copyOf(rows.subList(Math.min(offset, rows.size()), end)), rows.size(), locator);
  }

  /** Runs {@code q} on {@code type}; {@code parentId} restricts a subquery to one parent. */
  private List<Row> run(Model m, Soql.Query q, Schema.SObjectType type, ChildScope scope, boolean top) {
    for (Soql.Item item : q.items()) {
      if (item instanceof Soql.FieldItem f) {
        resolve(type, f.path());
      } else if (!top) {
        throw new ApiFault("MALFORMED_QUERY", "nested subqueries are not supported");
      }
    }
    q.where().forEach(c -> resolve(type, c.path()));
    if (q.order() != null) {
      resolve(type, q.order().path());
    }
    List<Rec> matching = new ArrayList<>();
    for (Rec r : m.all(type.name())) {
      if ((scope == null || Objects.equals(scope.parentId(), r.str(scope.field())))
          && q.where().stream().allMatch(c -> matches(m, r, c))) {
        matching.add(r);
      }
    }
    if (q.order() != null) {
      Comparator<Rec> byPath = Comparator.comparing(r -> sortKey(value(m, r, q.order().path())),
          Comparator.nullsFirst(Comparator.naturalOrder()));
      matching.sort(q.order().descending() ? byPath.reversed() : byPath);
    }
    if (q.limit() != null && matching.size() > q.limit()) {
      matching = matching.subList(0, q.limit());
    }
    List<Row> out = new ArrayList<>();
    for (Rec r : matching) {
      out.add(row(m, r, type, q));
    }
    return out;
  }

  private record ChildScope(String field, String parentId) {}

  private Row row(Model m, Rec r, Schema.SObjectType type, Soql.Query q) {
    List<Cell> cells = new ArrayList<>();
    Map<String, List<Cell>> parents = new LinkedHashMap<>();
    Map<String, Rec> parentRecs = new LinkedHashMap<>();
    boolean idSelected = false;
    for (Soql.Item item : q.items()) {
      if (item instanceof Soql.SubQuery sub) {
        Schema.Child child = type.child(sub.query().object()).orElseThrow(() -> new ApiFault("INVALID_TYPE",
            "Didn't understand relationship '" + sub.query().object() + "' in FROM part of query call. If you are "
                + "attempting to use a custom relationship, be sure to append the '__r' after the custom "
                + "relationship name."));
        Schema.SObjectType childType = Schema.type(child.object()).orElseThrow();
        List<Row> rows = run(m, sub.query(), childType, new ChildScope(child.parentField(), r.id), false);
        cells.add(new Children(child.name(), rows));
        continue;
      }
      List<String> path = ((Soql.FieldItem) item).path();
      if (path.size() == 1) {
        Schema.Field f = type.field(path.get(0)).orElseThrow();
        idSelected |= "Id".equals(f.name());
        cells.add(new Value(f.name(), r.get(f.name())));
        continue;
      }
      Schema.Relationship rel = type.relationship(path.get(0)).orElseThrow();
      Rec target = m.find(r.str(rel.idField())).orElse(null);
      if (!parents.containsKey(rel.name())) {
        parents.put(rel.name(), new ArrayList<>());
        parentRecs.put(rel.name(), target);
        cells.add(new Parent(rel.name(), null)); // placeholder, filled below
      }
      if (target != null) {
        String fieldName = target.type.field(path.get(1)).map(Schema.Field::name).orElse(path.get(1));
        parents.get(rel.name()).add(new Value(fieldName, target.get(fieldName)));
      }
    }
    List<Cell> filled = new ArrayList<>();
    for (Cell c : cells) {
      if (c instanceof Parent p) {
        Rec target = parentRecs.get(p.name());
        filled.add(new Parent(p.name(), target == null ? null
            : new Row(target.type.name(), target.id, false, List.copyOf(parents.get(p.name())))));
      } else {
        filled.add(c);
      }
    }
    return new Row(type.name(), r.id, idSelected, List.copyOf(filled));
  }

  /** Checks a path exists on {@code type}: a field, or {@code Relationship.Field}. */
  private static void resolve(Schema.SObjectType type, List<String> path) {
    if (path.size() == 1) {
      if (type.field(path.get(0)).isEmpty()) {
        throw ApiFault.invalidField(path.get(0), type.name());
      }
      return;
    }
    Optional<Schema.Relationship> rel = type.relationship(path.get(0));
    if (rel.isEmpty() || path.size() > 2) {
      throw new ApiFault("INVALID_FIELD", "Didn't understand relationship '" + path.get(0) + "' in field path. If "
          + "you are attempting to use a custom relationship, be sure to append the '__r' after the custom "
          + "relationship name. Please reference your WSDL or the describe call for the appropriate names.");
    }
    boolean known = rel.get().targets().stream().map(t -> Schema.type(t).orElseThrow())
        .anyMatch(t -> t.field(path.get(1)).isPresent());
    if (!known) {
      throw ApiFault.invalidField(String.join(".", path), type.name());
    }
  }

  private static Object value(Model m, Rec r, List<String> path) {
    if (path.size() == 1) {
      return r.get(r.type.field(path.get(0)).orElseThrow().name());
    }
    Schema.Relationship rel = r.type.relationship(path.get(0)).orElseThrow();
    return m.find(r.str(rel.idField())).map(t -> t.type.field(path.get(1)).map(f -> t.get(f.name())).orElse(null))
        .orElse(null);
  }

  private static boolean matches(Model m, Rec r, Soql.Condition c) {
    Object actual = value(m, r, c.path());
    if (c.op() == Soql.Op.GE) {
      if (actual != null && !(actual instanceof java.time.Instant)) {
        throw new ApiFault("INVALID_FIELD", "value of filter criterion for field '" + String.join(".", c.path())
            + "' must be of type dateTime and should not be enclosed in quotes");
      }
      return actual != null && !((java.time.Instant) actual).isBefore((java.time.Instant) c.values().get(0));
    }
    boolean any = c.values().stream().anyMatch(v -> same(actual, v));
    return c.op() == Soql.Op.NE ? !any : any;
  }

  private static boolean same(Object actual, Object literal) {
    if (actual == null || literal == null) {
      return actual == null && literal == null;
    }
    if (actual instanceof Boolean b) {
      if (!(literal instanceof Boolean)) {
        throw new ApiFault("INVALID_FIELD", "value of filter criterion must be of type boolean and should not be "
            + "enclosed in quotes");
      }
      return b.equals(literal);
    }
    String a = actual.toString();
    String l = literal.toString();
    if (Ids.wellFormed(a) && a.length() == 18 && Ids.wellFormed(l)) {
      return Ids.key(a).equals(Ids.key(l));
    }
    return a.equalsIgnoreCase(l);
  }

  @SuppressWarnings({"rawtypes"})
  private static Comparable sortKey(Object v) {
    if (v instanceof String s) {
      return s.toLowerCase(java.util.Locale.ROOT);
    }
    return (Comparable) v;
  }
}
