package io.deskbridge.mock.daktela;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses a query string in PHP bracket notation ({@code filter[filters][0][field]=stage&fields[]=name}) into a tree:
 * each node is a {@code Map<String, Object>} (keys in arrival order) or a {@code String} leaf. A list is a map whose
 * keys are indexes ({@code "0"}, {@code "1"}, ...); an empty bracket ({@code a[]}) takes the next index. A key with an
 * unclosed bracket is kept as a plain key. When a key is given twice, the later value wins; when a leaf and a subtree
 * collide, the subtree wins. Stateless and thread-safe.
 */
final class Brackets {
  private Brackets() {}

  /** The tree of {@code rawQuery} (without the leading {@code ?}; null or empty gives an empty map). */
  static Map<String, Object> parse(String rawQuery) {
    Map<String, Object> root = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return root;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      put(root, segments(key), value);
    }
    return root;
  }

  /** {@code a[b][0]} → {@code [a, b, 0]}; {@code a[]} → {@code [a, ""]}; malformed → the whole key. */
  static List<String> segments(String key) {
    int open = key.indexOf('[');
    if (open <= 0) {
      return List.of(key);
    }
    List<String> out = new ArrayList<>();
    out.add(key.substring(0, open));
    int i = open;
    while (i < key.length()) {
      if (key.charAt(i) != '[') {
        return List.of(key);
      }
      int close = key.indexOf(']', i);
      if (close < 0) {
        return List.of(key);
      }
      out.add(key.substring(i + 1, close));
      i = close + 1;
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static void put(Map<String, Object> root, List<String> path, String value) {
    Map<String, Object> node = root;
    for (int i = 0; i < path.size(); i++) {
      String seg = path.get(i).isEmpty() ? String.valueOf(nextIndex(node)) : path.get(i);
      if (i == path.size() - 1) {
        if (!(node.get(seg) instanceof Map)) {
          node.put(seg, value);
        }
        return;
      }
      Object child = node.get(seg);
      if (!(child instanceof Map)) {
        child = new LinkedHashMap<String, Object>();
        node.put(seg, child);
      }
      node = (Map<String, Object>) child;
    }
  }

  private static int nextIndex(Map<String, Object> node) {
    int next = 0;
    for (String k : node.keySet()) {
      if (isIndex(k)) {
        next = Math.max(next, Integer.parseInt(k) + 1);
      }
    }
    return next;
  }

  static boolean isIndex(String key) {
    return !key.isEmpty() && key.length() < 10 && key.chars().allMatch(Character::isDigit);
  }

  /**
   * The items of a list node in index order: a map with index keys (others are ignored), a leaf as one item, null as
   * none.
   */
  static List<Object> items(Object node) {
    if (node == null) {
      return List.of();
    }
    if (!(node instanceof Map<?, ?> map)) {
      return List.of(node);
    }
    List<Map.Entry<?, ?>> entries = new ArrayList<>();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      if (isIndex((String) e.getKey())) {
        entries.add(e);
      }
    }
    entries.sort((a, b) -> Integer.compare(Integer.parseInt((String) a.getKey()),
        Integer.parseInt((String) b.getKey())));
    List<Object> out = new ArrayList<>();
    entries.forEach(e -> out.add(e.getValue()));
    return out;
  }

  /** True when the node is a map with at least one index key. */
  static boolean isList(Object node) {
    return node instanceof Map<?, ?> map && map.keySet().stream().anyMatch(k -> isIndex((String) k));
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s; // a stray %: keep it as sent
    }
  }
}
