package io.deskbridge.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * A JSON Schema (draft 2020-12) over a parsed configuration section, reporting keys the schema does not allow as
 * {@code <path> is not a setting; did you mean '<closest>'? (known: …)}. Thread-safe once built.
 */
public final class ConfigSchema {
  private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final JsonNode node;
  private final Schema schema;

  private ConfigSchema(JsonNode node) {
    this.node = node;
    this.schema = REGISTRY.getSchema(node);
  }

  /** Reads a schema resource, e.g. one a vendor's factory supplies. */
  public static ConfigSchema read(URL resource) {
    Objects.requireNonNull(resource, "resource");
    try (InputStream in = resource.openStream()) {
      return new ConfigSchema(JSON.readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the configuration schema " + resource, e);
    }
  }

  /**
   * The problems of {@code instance}, each one line starting with the setting's path.
   *
   * @param instance the section as parsed
   * @param prefix   the section's path, e.g. {@code installations[acme].settings}; empty for the root
   * @param ids      names a list element in a path, e.g. an installation's id for its index
   */
  public List<String> problems(JsonNode instance, String prefix, ListElementNames ids) {
    var out = new ArrayList<String>();
    for (Error error : schema.validate(instance)) {
      String at = path(prefix, error.getInstanceLocation(), ids);
      if ("additionalProperties".equals(error.getKeyword()) && error.getProperty() != null) {
        String key = error.getProperty();
        String setting = at.isEmpty() ? key : at + "." + key;
        var known = knownKeys(error);
        String hint = DidYouMean.closest(key, known).map(k -> "; did you mean '" + k + "'?").orElse("");
        out.add(setting + " is not a setting" + hint + " (known " + (at.isEmpty() ? "top-level keys" : "in " + at)
            + ": " + String.join(", ", known) + ")");
      } else {
        out.add((at.isEmpty() ? "" : at + ": ") + error.getMessage());
      }
    }
    return out;
  }

  /** Names the element at {@code index} of the list at {@code listPath} (e.g. {@code installations}) in a path. */
  public interface ListElementNames {
    String name(String listPath, int index);

    static ListElementNames indices() {
      return (listPath, index) -> Integer.toString(index);
    }
  }

  private List<String> knownKeys(Error error) {
    NodePath keyword = error.getSchemaLocation().getFragment();
    var pointer = new StringBuilder();
    for (int i = 0; i < keyword.getNameCount() - 1; i++) {
      pointer.append('/').append(keyword.getName(i).replace("~", "~0").replace("/", "~1"));
    }
    var known = new ArrayList<String>();
    Iterator<String> names = node.at(pointer.toString()).path("properties").fieldNames();
    names.forEachRemaining(known::add);
    return known;
  }

  private static String path(String prefix, NodePath location, ListElementNames ids) {
    var out = new StringBuilder(prefix);
    for (int i = 0; i < location.getNameCount(); i++) {
      Object element = location.getElement(i);
      if (element instanceof Integer index) {
        out.append('[').append(ids.name(out.toString(), index)).append(']');
      } else {
        out.append(out.length() == 0 ? "" : ".").append(element);
      }
    }
    return out.toString();
  }
}
