package io.deskbridge.mock.salesforce;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A recursive-descent parser for the SOQL subset the fake answers (sf-contract §2):
 * {@code SELECT item, ... FROM Object [WHERE cond AND ...] [ORDER BY path [ASC|DESC]] [LIMIT n]}, where an item is a
 * field path ({@code Id}, {@code CreatedBy.UserType}) or a parenthesised subquery on a child relationship, and a
 * condition is {@code path = literal}, {@code path != literal}, {@code path IN (literal, ...)} with string,
 * boolean or null literals, or {@code path >= datetime} with a datetime literal ({@code 2026-11-01T00:00:00Z}). Anything else (OR, LIKE, functions, GROUP BY, bind variables) is a
 * {@link SoqlException} {@code MALFORMED_QUERY}: the fake fails loudly on SOQL it does not understand rather than
 * guessing. Names are not resolved here (see {@link QueryEngine}). Stateless and thread-safe.
 */
final class Soql {
  private static final java.util.regex.Pattern DATETIME =
      java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,3})?(Z|[+-]\\d{2}:\\d{2})");
  /** A parsed query; {@code object} is a child relationship name in a subquery. Null order or limit: none. */
  record Query(String object, List<Item> items, List<Condition> where, Order order, Integer limit) {}

  sealed interface Item permits FieldItem, SubQuery {}

  /** A field or a dotted relationship path, as written. */
  record FieldItem(List<String> path) implements Item {
    String text() {
      return String.join(".", path);
    }
  }

  record SubQuery(Query query) implements Item {}

  enum Op { EQ, NE, IN, GE }

  /** {@code values}: String, Boolean or null literals (one, except for IN). */
  record Condition(List<String> path, Op op, List<Object> values) {}

  record Order(List<String> path, boolean descending) {}

  /** A query the fake refuses; {@code code} is the SOAP exception code. */
  static final class SoqlException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final String code;

    SoqlException(String code, String message) {
      super(message, null, false, false);
      this.code = code;
    }
  }

  private record Token(String kind, String text, int pos) {
    boolean is(String keyword) {
      return "word".equals(kind) && text.equalsIgnoreCase(keyword);
    }
  }

  private final String source;
  private final List<Token> tokens;
  private int next;

  private Soql(String source) {
    this.source = source;
    this.tokens = tokenize(source);
  }

  /** Parses {@code soql}. @throws SoqlException MALFORMED_QUERY on anything outside the subset */
  static Query parse(String soql) {
    if (soql == null || soql.isBlank()) {
      throw new SoqlException("MALFORMED_QUERY", "unexpected token: <EOF>");
    }
    Soql p = new Soql(soql);
    Query q = p.query();
    if (p.next < p.tokens.size()) {
      throw p.unexpected();
    }
    return q;
  }

  private Query query() {
    expect("SELECT");
    List<Item> items = new ArrayList<>();
    do {
      if (peekSymbol("(")) {
        next++;
        items.add(new SubQuery(query()));
        expectSymbol(")");
      } else {
        items.add(new FieldItem(path()));
      }
    } while (acceptSymbol(","));
    expect("FROM");
    String object = name();
    List<Condition> where = new ArrayList<>();
    if (accept("WHERE")) {
      do {
        where.add(condition());
      } while (accept("AND"));
    }
    Order order = null;
    if (accept("ORDER")) {
      expect("BY");
      List<String> path = path();
      boolean desc = accept("DESC");
      if (!desc) {
        accept("ASC");
      }
      order = new Order(path, desc);
    }
    Integer limit = null;
    if (accept("LIMIT")) {
      Token t = take();
      if (!"number".equals(t.kind())) {
        throw unexpected(t);
      }
      limit = Integer.valueOf(t.text());
    }
    return new Query(object, List.copyOf(items), List.copyOf(where), order, limit);
  }

  private Condition condition() {
    List<String> path = path();
    if (acceptSymbol("=")) {
      return new Condition(path, Op.EQ, java.util.Collections.singletonList(literal()));
    }
    if (acceptSymbol("!=") || acceptSymbol("<>")) {
      return new Condition(path, Op.NE, java.util.Collections.singletonList(literal()));
    }
    if (acceptSymbol(">=")) {
      Token t = take();
      if (!"datetime".equals(t.kind())) {
        throw unexpected(t);
      }
      return new Condition(path, Op.GE, List.of(java.time.OffsetDateTime.parse(t.text()).toInstant()));
    }
    if (accept("IN")) {
      expectSymbol("(");
      List<Object> values = new ArrayList<>();
      do {
        values.add(literal());
      } while (acceptSymbol(","));
      expectSymbol(")");
      return new Condition(path, Op.IN, values);
    }
    throw unexpected();
  }

  private Object literal() {
    Token t = take();
    if ("string".equals(t.kind())) {
      return t.text();
    }
    if (t.is("true") || t.is("false")) {
      return Boolean.valueOf(t.text().toLowerCase(Locale.ROOT));
    }
    if (t.is("null")) {
      return null;
    }
    throw unexpected(t);
  }

  private List<String> path() {
    String text = name();
    List<String> parts = List.of(text.split("\\.", -1));
    if (parts.stream().anyMatch(String::isEmpty)) {
      throw new SoqlException("MALFORMED_QUERY", "unexpected token: '" + text + "'");
    }
    return parts;
  }

  private String name() {
    Token t = take();
    if (!"word".equals(t.kind()) || isKeyword(t.text()) || peekSymbol("(")) {
      throw unexpected(t);
    }
    return t.text();
  }

  private static boolean isKeyword(String w) {
    return List.of("SELECT", "FROM", "WHERE", "AND", "OR", "NOT", "IN", "ORDER", "BY", "LIMIT", "ASC", "DESC",
        "LIKE", "HAVING", "OFFSET", "WITH", "TRUE", "FALSE", "NULL").contains(w.toUpperCase(Locale.ROOT));
  }

  private Token take() {
    if (next >= tokens.size()) {
      throw new SoqlException("MALFORMED_QUERY", "unexpected token: <EOF>");
    }
    return tokens.get(next++);
  }

  private boolean accept(String keyword) {
    if (next < tokens.size() && tokens.get(next).is(keyword)) {
      next++;
      return true;
    }
    return false;
  }

  private void expect(String keyword) {
    if (!accept(keyword)) {
      throw unexpected();
    }
  }

  private boolean peekSymbol(String s) {
    return next < tokens.size() && "symbol".equals(tokens.get(next).kind()) && tokens.get(next).text().equals(s);
  }

  private boolean acceptSymbol(String s) {
    if (peekSymbol(s)) {
      next++;
      return true;
    }
    return false;
  }

  private void expectSymbol(String s) {
    if (!acceptSymbol(s)) {
      throw unexpected();
    }
  }

  private SoqlException unexpected() {
    return next < tokens.size() ? unexpected(tokens.get(next))
        : new SoqlException("MALFORMED_QUERY", "unexpected token: <EOF>");
  }

  private SoqlException unexpected(Token t) {
    return new SoqlException("MALFORMED_QUERY", "\n" + source + "\n" + " ".repeat(t.pos()) + "^\nERROR at Row:1:Column:"
        + (t.pos() + 1) + "\nunexpected token: '" + t.text() + "'");
  }

  private static List<Token> tokenize(String s) {
    List<Token> out = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (Character.isLetter(c) || c == '_') {
        int start = i;
        while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_' || s.charAt(i) == '.')) {
          i++;
        }
        out.add(new Token("word", s.substring(start, i), start));
      } else if (Character.isDigit(c)) {
        int start = i;
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
          i++;
        }
        var datetime = DATETIME.matcher(s).region(start, s.length());
        if (datetime.lookingAt()) {
          i = datetime.end();
          out.add(new Token("datetime", s.substring(start, i), start));
          continue;
        }
        out.add(new Token("number", s.substring(start, i), start));
      } else if (c == '\'') {
        int start = i++;
        StringBuilder text = new StringBuilder();
        while (true) {
          if (i >= s.length()) {
            throw new SoqlException("MALFORMED_QUERY", "unterminated string literal at column " + (start + 1));
          }
          char d = s.charAt(i++);
          if (d == '\\' && i < s.length()) {
            text.append(s.charAt(i++));
          } else if (d == '\'') {
            break;
          } else {
            text.append(d);
          }
        }
        out.add(new Token("string", text.toString(), start));
      } else if ((c == '!' || c == '<') && i + 1 < s.length() && "=>".indexOf(s.charAt(i + 1)) >= 0
          || c == '>' && i + 1 < s.length() && s.charAt(i + 1) == '=') {
        out.add(new Token("symbol", s.substring(i, i + 2), i));
        i += 2;
      } else if ("(),=".indexOf(c) >= 0) {
        out.add(new Token("symbol", String.valueOf(c), i));
        i++;
      } else {
        out.add(new Token("other", String.valueOf(c), i));
        i++;
      }
    }
    return out;
  }
}
