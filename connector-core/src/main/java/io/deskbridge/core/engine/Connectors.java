package io.deskbridge.core.engine;

import io.deskbridge.core.spi.ConnectorFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * Finds the connector factory for a vendor with {@link ServiceLoader}, strictly: none or several factories
 * for one vendor is an error that names what is on the class path.
 */
public final class Connectors {
  private final List<ConnectorFactory> factories;

  private Connectors(List<ConnectorFactory> factories) {
    this.factories = List.copyOf(factories);
  }

  /** The factories on the class path. */
  public static Connectors discover() {
    var found = new ArrayList<ConnectorFactory>();
    ServiceLoader.load(ConnectorFactory.class).forEach(found::add);
    return new Connectors(found);
  }

  /** Exactly these factories, for tests and embedding. */
  public static Connectors of(ConnectorFactory... factories) {
    return new Connectors(List.of(factories));
  }

  /** The vendor ids on offer, sorted, each once. */
  public List<String> vendors() {
    return factories.stream().map(ConnectorFactory::vendor).distinct().sorted().toList();
  }

  /** The one factory for the vendor. */
  public ConnectorFactory forVendor(String vendor) {
    var matching = factories.stream().filter(f -> f.vendor().equals(vendor)).toList();
    if (matching.size() == 1) {
      return matching.get(0);
    }
    String available = factories.stream().map(ConnectorFactory::vendor).distinct().sorted()
        .collect(Collectors.joining(", "));
    throw new IllegalArgumentException(matching.isEmpty()
        ? "no connector for vendor '" + vendor + "' on the class path (available: " + available + ")"
        : "several connectors for vendor '" + vendor + "': "
            + matching.stream().map(f -> f.getClass().getName()).collect(Collectors.joining(", ")));
  }
}
