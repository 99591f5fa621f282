package io.deskbridge.app;

import io.deskbridge.core.DeskbridgeConfig;
import io.deskbridge.core.api.ApiConnectorFactory;
import io.deskbridge.core.api.ApiKeys;
import io.deskbridge.core.error.ConfigException;
import io.deskbridge.core.store.JdbcStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** Makes, lists and revokes the Conversation API's client keys in the configured store. */
@Command(name = "api-key", mixinStandardHelpOptions = true, version = Main.VERSION,
    description = "Make, list and revoke Conversation API keys (each scoped to one installation with vendor: api).",
    subcommands = {ApiKeyCommand.Create.class, ApiKeyCommand.ListKeys.class, ApiKeyCommand.Revoke.class,
        CommandLine.HelpCommand.class},
    footerHeading = "%nExamples:%n",
    footer = {
        "  deskbridge api-key create --installation web --name chat-widget --config deskbridge.yaml",
        "  deskbridge api-key list --config deskbridge.yaml",
        "  deskbridge api-key revoke 3f9a0c1b2d4e --config deskbridge.yaml",
        "",
        "The key is printed once, by create; only its SHA-256 is stored. The store is the one the configuration file "
            + "names (the same as serve's); a running server sees new and revoked keys at once."})
final class ApiKeyCommand implements Runnable {
  @Option(names = "--config", paramLabel = "FILE", scope = ScopeType.INHERIT,
      description = "the YAML configuration file (its store is used)")
  Path config;

  @Option(names = VerboseOption.NAME, scope = ScopeType.INHERIT, description = "show the stack trace of an error")
  boolean verbose;

  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  DeskbridgeConfig configuration() {
    return ConfiguredStore.load(config, spec);
  }

  JdbcStore open(DeskbridgeConfig cfg) {
    return ConfiguredStore.open(config, cfg);
  }

  @Command(name = "create", mixinStandardHelpOptions = true, version = Main.VERSION,
      description = "Make a key for an installation and print it once.")
  static final class Create implements Callable<Integer> {
    @ParentCommand
    ApiKeyCommand parent;

    @Option(names = "--installation", required = true, paramLabel = "ID",
        description = "the installation (vendor: api) the key may use")
    String installation;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "what the key is for, e.g. chat-widget")
    String name;

    @Override
    public Integer call() {
      var cfg = parent.configuration();
      var apis = cfg.installations().stream().filter(i -> i.vendor().equals(ApiConnectorFactory.VENDOR))
          .map(DeskbridgeConfig.InstallationConfig::id).toList();
      if (!apis.contains(installation)) {
        throw new ConfigException("--installation " + installation + " is not an installation with vendor: api in "
            + parent.config + (apis.isEmpty() ? "; add one (id, vendor: api, routing.defaultGroup)"
            : " (those are: " + String.join(", ", apis) + ")"));
      }
      try (var store = parent.open(cfg)) {
        var created = new ApiKeys(store.conversationApi(), Clock.systemUTC()).create(installation, name);
        System.out.println("id:           " + created.key().id());
        System.out.println("installation: " + installation);
        System.out.println("name:         " + name);
        System.out.println("key:          " + created.secret());
        System.out.println("Keep the key now: it is not stored and cannot be shown again. Send it as "
            + "'Authorization: Bearer <key>'.");
      }
      return 0;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, version = Main.VERSION,
      description = "List the keys (never the keys themselves).")
  static final class ListKeys implements Callable<Integer> {
    @ParentCommand
    ApiKeyCommand parent;

    @Override
    public Integer call() {
      try (var store = parent.open(parent.configuration())) {
        var keys = store.conversationApi().keys();
        System.out.printf("%-14s %-16s %-20s %-24s %s%n", "id", "installation", "name", "created", "revoked");
        keys.forEach(k -> System.out.printf("%-14s %-16s %-20s %-24s %s%n", k.id(), k.installation(), k.name(),
            k.createdAt(), k.revokedAt().map(Object::toString).orElse("-")));
        System.out.println(keys.size() + " key(s), " + keys.stream().filter(k -> k.revokedAt().isEmpty())
            .collect(Collectors.counting()) + " valid");
      }
      return 0;
    }
  }

  @Command(name = "revoke", mixinStandardHelpOptions = true, version = Main.VERSION,
      description = "Revoke a key: requests with it get 401 from now on.")
  static final class Revoke implements Callable<Integer> {
    @ParentCommand
    ApiKeyCommand parent;

    @Parameters(paramLabel = "ID", description = "the key's id, as list shows it")
    String id;

    @Override
    public Integer call() {
      try (var store = parent.open(parent.configuration())) {
        if (!new ApiKeys(store.conversationApi(), Clock.systemUTC()).revoke(id)) {
          System.err.println("no valid key " + id + " (see api-key list)");
          return 1;
        }
        System.out.println("key " + id + " is revoked");
        return 0;
      }
    }
  }
}
