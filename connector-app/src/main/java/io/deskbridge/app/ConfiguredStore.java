package io.deskbridge.app;

import io.deskbridge.core.ConfigLoader;
import io.deskbridge.core.DeskbridgeConfig;
import io.deskbridge.core.error.ConfigException;
import io.deskbridge.core.store.JdbcStore;
import io.deskbridge.core.store.StoreException;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * The configuration file and the store of a command that works on the configured store ({@code api-key},
 * {@code dead-letters}): the same store {@code serve} uses.
 *
 * <p>Thread-safe: stateless.
 */
final class ConfiguredStore {
  private ConfiguredStore() {}

  /**
   * The configuration in {@code config}, with the environment's overrides.
   *
   * @throws ParameterException when {@code config} is null (the {@code --config} option is missing)
   * @throws ConfigException    for a mistake in the file, naming the file and the setting
   */
  static DeskbridgeConfig load(Path config, CommandSpec spec) {
    if (config == null) {
      throw new ParameterException(spec.commandLine(), "Missing required option: '--config=FILE'");
    }
    return ConfigLoader.load(config, System::getenv);
  }

  /**
   * Opens the store {@code cfg} (loaded from {@code config}) names; the caller closes it.
   *
   * @throws ConfigException when the store cannot be opened: one line naming the file, the store and what to check
   */
  static JdbcStore open(Path config, DeskbridgeConfig cfg) {
    try {
      return JdbcStore.open(cfg.store());
    } catch (StoreException e) {
      throw new ConfigException(config + ": cannot open the store (" + cfg.store().describe() + "): "
          + ServeCommand.rootMessage(e) + "; check the store settings (url, username, password, directory) and that "
          + "the database is running", e);
    }
  }
}
