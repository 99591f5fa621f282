package io.deskbridge.app.chaos;

import io.deskbridge.core.store.StoreConfig;

/** The chaos tests on the default store: an H2 file database. */
class H2ChaosIT extends AbstractChaosIT {
  @Override
  StoreConfig store() {
    return StoreConfig.h2File(dir.resolve("h2"));
  }

  @Override
  String storeYaml() {
    return "{directory: " + dir.resolve("h2") + "}";
  }
}
