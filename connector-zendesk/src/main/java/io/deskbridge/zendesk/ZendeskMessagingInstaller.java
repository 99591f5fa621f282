package io.deskbridge.zendesk;

import io.deskbridge.core.config.Secret;
import io.deskbridge.core.config.Settings;
import io.deskbridge.core.error.ConfigException;
import io.deskbridge.core.spi.GeneratedFile;
import io.deskbridge.core.spi.InstallContext;
import io.deskbridge.core.spi.InstallProblem;
import io.deskbridge.core.spi.InstallStep;
import io.deskbridge.core.spi.Installer;
import io.deskbridge.zendesk.internal.messaging.ZendeskMessagingAdminApi;
import io.deskbridge.zendesk.internal.messaging.ZendeskMessagingAdminApi.Integration;
import io.deskbridge.zendesk.internal.messaging.ZendeskMessagingAdminApi.Made;
import io.deskbridge.zendesk.internal.messaging.ZendeskMessagingAdminApi.Switchboard;
import io.deskbridge.zendesk.internal.messaging.ZendeskMessagingAdminApi.SwitchboardIntegration;
import io.deskbridge.zendesk.internal.messaging.ZendeskMessagingAdminApi.Webhook;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Zendesk messaging (Sunshine Conversations): {@code install} makes, through the Conversations API (zendesk.md §3.2,
 * §3.4),
 * <ol>
 *   <li>a custom integration with {@code displayName} {@code Deskbridge <id>} ({@link InstallContext#name()}) and one
 *       webhook to {@code <server.publicUrl>/webhooks/<id>} with the {@linkplain #TRIGGERS triggers} the connector
 *       reads, {@code includeFullUser} and {@code includeFullSource} false (it reads neither the profile nor the
 *       client);
 *   <li>the webhook's secret in the file {@code webhookSecret: {file: …}} reads. SunCo shows a webhook's secret only
 *       in the answer that makes it, so when that file is missing (or was never written) the webhook is made again;
 *       a file that is there is kept, and nothing can tell whether it still holds the webhook's secret;
 *   <li>a switchboard integration named {@code deskbridge-<id>} ({@link #switchboardName}) for that integration,
 *       {@code deliverStandbyEvents: true} (while people have the conversation the connector still records the
 *       customer's messages, as {@code human_owns_conversation}) and {@code nextSwitchboardIntegrationId} the one
 *       {@code handoverTarget} names (for {@code next}: the agent workspace's), so a handover to {@code next} reaches
 *       the people.
 * </ol>
 * and makes that switchboard integration the switchboard's default, so new conversations start with the bot. Existing
 * ones are found by name and a drifted one is put right ({@code PATCH}). Pointing {@code botIntegrationId} at it stays
 * the admin's (install does not write the configuration): a manual step while it does not. {@code uninstall} gives
 * the default to the switchboard integration's next one (with none: a manual step, and nothing is deleted), deletes
 * the switchboard integration and then the custom integration with its webhooks; the secret file stays.
 * {@code check} reports each missing or different item, another default, and a {@code botIntegrationId} that names
 * another switchboard integration. SunCo offers no test delivery.
 */
final class ZendeskMessagingInstaller implements Installer {
  /** What the connector's webhook endpoint reads (its Javadoc): the customers' messages and control changes. */
  static final List<String> TRIGGERS = List.of("conversation:message", "switchboard:passControl",
      "switchboard:acceptControl", "switchboard:releaseControl");

  @Override
  public List<InstallStep> install(InstallContext context) {
    Webhook wanted = wanted(context);
    try (var api = api(context)) {
      var steps = new ArrayList<InstallStep>();
      String item = "SunCo custom integration '" + context.name() + "'";
      Optional<Integration> found = find(api, context);
      String integrationId;
      if (found.isEmpty()) {
        Made made = context.dryRun() ? null : api.createIntegration(context.name(), wanted);
        integrationId = made == null ? "(new)" : made.integrationId();
        steps.add(InstallStep.created(item + " (id " + integrationId + ") with a webhook to " + wanted.target()));
        steps.add(secret(context, made == null ? null : made.secret()));
      } else {
        integrationId = found.get().id();
        steps.add(InstallStep.present(item + " (id " + integrationId + ")"));
        steps.addAll(webhook(context, api, integrationId, wanted));
      }
      var switchboard = api.switchboard();
      var all = api.switchboardIntegrations(switchboard.id());
      String name = switchboardName(context.installationId());
      String next = next(context, all, name);
      var sbWanted = new SwitchboardIntegration(null, name, integrationId, "custom", true, next);
      var sb = all.stream().filter(s -> s.name().equals(name)).findFirst();
      String sbItem = "SunCo switchboard integration '" + name + "'";
      String sbId;
      if (sb.isEmpty()) {
        sbId = context.dryRun() ? "(new)"
            : api.createSwitchboardIntegration(switchboard.id(), sbWanted);
        steps.add(InstallStep.created(sbItem + " (id " + sbId + ") for integration " + integrationId + ", next "
            + next));
      } else {
        sbId = sb.get().id();
        var differences = differences(sb.get(), sbWanted);
        if (!sb.get().integrationId().equals(integrationId)) {
          // a switchboard integration's integration cannot change: make it again
          if (!context.dryRun()) {
            api.deleteSwitchboardIntegration(switchboard.id(), sbId);
            sbId = api.createSwitchboardIntegration(switchboard.id(), sbWanted);
          }
          steps.add(InstallStep.updated(sbItem + " made again (id " + sbId + "): " + String.join(", ", differences)));
        } else if (!differences.isEmpty()) {
          if (!context.dryRun()) {
            api.updateSwitchboardIntegration(switchboard.id(), sbId, sbWanted);
          }
          steps.add(InstallStep.updated(sbItem + " (id " + sbId + "): " + String.join(", ", differences)));
        } else {
          steps.add(InstallStep.present(sbItem + " (id " + sbId + ")"));
        }
      }
      String previous = switchboard.defaultSwitchboardIntegrationId();
      if (sbId.equals(previous)) {
        steps.add(InstallStep.present("SunCo switchboard default '" + name + "'"));
      } else {
        if (!context.dryRun()) {
          api.setDefault(switchboard.id(), sbId);
        }
        steps.add(InstallStep.updated("SunCo switchboard default: '" + name + "', was '" + nameOf(all, previous)
            + "' (new conversations start with the bot; uninstall gives it to the next one)"));
      }
      if (!names(context.settings().optionalString("botIntegrationId").orElse(""), name, sbId, integrationId)) {
        steps.add(InstallStep.manual("set " + context.settings().path() + ".botIntegrationId to " + name));
      }
      return steps;
    }
  }

  @Override
  public List<InstallStep> uninstall(InstallContext context) {
    try (var api = api(context)) {
      var steps = new ArrayList<InstallStep>();
      var switchboard = api.switchboard();
      String name = switchboardName(context.installationId());
      String sbItem = "SunCo switchboard integration '" + name + "'";
      var all = api.switchboardIntegrations(switchboard.id());
      var sb = all.stream().filter(s -> s.name().equals(name)).findFirst();
      if (sb.isEmpty()) {
        steps.add(InstallStep.absent(sbItem));
      } else {
        if (sb.get().id().equals(switchboard.defaultSwitchboardIntegrationId())) {
          String next = sb.get().nextSwitchboardIntegrationId();
          if (next == null) {
            steps.add(InstallStep.manual(sbItem + " (id " + sb.get().id() + ") is the switchboard's default and "
                + "has no next one: make another one the default (Admin Center > Channels > Messaging), then run "
                + "uninstall again"));
            return steps; // its integration must stay while the switchboard uses it
          }
          if (!context.dryRun()) {
            api.setDefault(switchboard.id(), next);
          }
          steps.add(InstallStep.updated("SunCo switchboard default: '" + nameOf(all, next) + "', was '" + name
              + "'"));
        }
        if (!context.dryRun()) {
          api.deleteSwitchboardIntegration(switchboard.id(), sb.get().id());
        }
        steps.add(InstallStep.removed(sbItem + " (id " + sb.get().id() + ")"));
      }
      String item = "SunCo custom integration '" + context.name() + "'";
      var found = find(api, context);
      if (found.isPresent()) {
        if (!context.dryRun()) {
          api.deleteIntegration(found.get().id());
        }
        steps.add(InstallStep.removed(item + " (id " + found.get().id() + ") with its webhooks"));
      } else {
        steps.add(InstallStep.absent(item));
      }
      secretFile(context.settings()).ifPresent(file -> steps.add(InstallStep.present("webhook secret file " + file
          + " kept (the configuration reads it; delete it when you remove the installation)")));
      return steps;
    }
  }

  @Override
  public List<InstallProblem> check(InstallContext context) {
    Webhook wanted = wanted(context);
    String fix = "run install --installation " + context.installationId();
    try (var api = api(context)) {
      var problems = new ArrayList<InstallProblem>();
      String item = "SunCo custom integration '" + context.name() + "'";
      var found = find(api, context);
      if (found.isEmpty()) {
        problems.add(new InstallProblem(item, "is missing: " + fix));
      } else {
        var hooks = api.webhooks(found.get().id());
        var hook = pick(hooks, wanted);
        if (hook.isEmpty()) {
          problems.add(new InstallProblem(item, "has no webhook: " + fix));
        } else {
          var differences = differences(hook.get(), wanted);
          if (!differences.isEmpty()) {
            problems.add(new InstallProblem("SunCo webhook " + hook.get().id() + " of '" + context.name() + "'",
                String.join(", ", differences) + ": " + fix));
          }
        }
      }
      secretFile(context.settings()).filter(f -> !hasContent(f)).ifPresent(f -> problems.add(new InstallProblem(
          "webhook secret file " + f, "is missing: " + fix + " (it makes the webhook again to get its secret)")));
      var switchboard = api.switchboard();
      var all = api.switchboardIntegrations(switchboard.id());
      String name = switchboardName(context.installationId());
      var sb = all.stream().filter(s -> s.name().equals(name)).findFirst();
      String sbItem = "SunCo switchboard integration '" + name + "'";
      if (sb.isEmpty()) {
        problems.add(new InstallProblem(sbItem, "is missing: " + fix));
      } else {
        String next;
        try {
          next = next(context, all, name);
        } catch (ConfigException e) {
          problems.add(new InstallProblem(context.settings().path() + ".handoverTarget", e.getMessage()));
          next = sb.get().nextSwitchboardIntegrationId();
        }
        var differences = differences(sb.get(), new SwitchboardIntegration(null, name,
            found.map(Integration::id).orElse(sb.get().integrationId()), "custom", true, next));
        if (!differences.isEmpty()) {
          problems.add(new InstallProblem(sbItem, String.join(", ", differences) + ": " + fix));
        }
        if (!sb.get().id().equals(switchboard.defaultSwitchboardIntegrationId())) {
          problems.add(new InstallProblem("SunCo switchboard default", "is '"
              + nameOf(all, switchboard.defaultSwitchboardIntegrationId()) + "', not '" + name
              + "', so new conversations do not start with the bot: " + fix));
        }
        String bot = context.settings().optionalString("botIntegrationId").orElse("");
        if (!names(bot, name, sb.get().id(), sb.get().integrationId())) {
          problems.add(new InstallProblem(context.settings().path() + ".botIntegrationId", "is '" + bot
              + "', not the switchboard integration install makes: set it to " + name));
        }
      }
      return problems;
    }
  }

  /** The switchboard integration's name: {@code deskbridge-<id>}, in the letters SunCo allows. */
  static String switchboardName(String installationId) {
    return "deskbridge-" + installationId.replaceAll("[^A-Za-z0-9_-]", "-");
  }

  private static Webhook wanted(InstallContext context) {
    return new Webhook(null, context.webhookUrl().toString(), TRIGGERS, false, false);
  }

  /** The webhook install keeps: the one to the wanted target, else the first. */
  private static Optional<Webhook> pick(List<Webhook> hooks, Webhook wanted) {
    return hooks.stream().filter(w -> w.target().equals(wanted.target())).findFirst()
        .or(() -> hooks.stream().findFirst());
  }

  /** Puts the existing integration's webhook right, or makes it (again, when the secret file must be written). */
  private static List<InstallStep> webhook(InstallContext context, ZendeskMessagingAdminApi api,
      String integrationId, Webhook wanted) {
    var steps = new ArrayList<InstallStep>();
    var hook = pick(api.webhooks(integrationId), wanted);
    var file = secretFile(context.settings());
    String item = "SunCo webhook of '" + context.name() + "'";
    if (hook.isPresent() && file.isPresent() && !hasContent(file.get())) {
      // SunCo shows a secret only when the webhook is made: make it again for the file
      if (!context.dryRun()) {
        api.deleteWebhook(integrationId, hook.get().id());
      }
      Made made = context.dryRun() ? null : api.createWebhook(integrationId, wanted);
      steps.add(InstallStep.updated(item + " made again (id " + (made == null ? "(new)" : made.webhookId())
          + ") to " + wanted.target() + ": its secret is shown only when it is made, and the secret file is missing"));
      steps.add(secret(context, made == null ? null : made.secret()));
      return steps;
    }
    if (hook.isEmpty()) {
      Made made = context.dryRun() ? null : api.createWebhook(integrationId, wanted);
      steps.add(InstallStep.created(item + " (id " + (made == null ? "(new)" : made.webhookId()) + ") to "
          + wanted.target()));
      steps.add(secret(context, made == null ? null : made.secret()));
      return steps;
    }
    var differences = differences(hook.get(), wanted);
    if (differences.isEmpty()) {
      steps.add(InstallStep.present(item + " (id " + hook.get().id() + ") to " + wanted.target()));
    } else {
      if (!context.dryRun()) {
        api.updateWebhook(integrationId, hook.get().id(), wanted);
      }
      steps.add(InstallStep.updated(item + " (id " + hook.get().id() + ") to " + wanted.target() + ": it was "
          + String.join(", ", differences)));
    }
    steps.add(InstallStep.present(file.map(f -> "webhook secret file " + f).orElse(context.settings().path()
        + ".webhookSecret") + " kept as it is (SunCo shows the secret only when the webhook is made)"));
    return steps;
  }

  /** Writes a just-made webhook's secret ({@code null} in a dry run) to the file, or says what to do. */
  private static InstallStep secret(InstallContext context, Secret secret) {
    var file = secretFile(context.settings());
    if (file.isEmpty()) {
      return manual(context);
    }
    if (secret == null) {
      return InstallStep.created("webhook secret file " + file.get());
    }
    return new GeneratedFile(file.get(), secret.reveal() + "\n", true, "webhook secret file").write(false);
  }

  private static InstallStep manual(InstallContext context) {
    Settings s = context.settings();
    return InstallStep.manual("SunCo shows a webhook's secret only when it is made, and " + s.path()
        + ".webhookSecret is not a file: write webhookSecret: {file: secrets/" + context.installationId()
        + "-sunco-webhook-secret} and run install again, which makes the webhook again and writes its secret there");
  }

  private static boolean hasContent(Path file) {
    try {
      return Files.isRegularFile(file) && !Files.readString(file).isBlank();
    } catch (java.io.IOException e) {
      return false;
    }
  }

  private static List<String> differences(Webhook w, Webhook wanted) {
    var out = new ArrayList<String>();
    if (!w.target().equals(wanted.target())) {
      out.add("its target is " + w.target() + ", not " + wanted.target());
    }
    if (!w.triggers().stream().sorted().toList().equals(wanted.triggers().stream().sorted().toList())) {
      out.add("its triggers are " + w.triggers() + ", not " + wanted.triggers());
    }
    if (w.includeFullUser() != wanted.includeFullUser() || w.includeFullSource() != wanted.includeFullSource()) {
      out.add("includeFullUser/includeFullSource are " + w.includeFullUser() + "/" + w.includeFullSource()
          + ", not false/false");
    }
    return out;
  }

  private static List<String> differences(SwitchboardIntegration s, SwitchboardIntegration wanted) {
    var out = new ArrayList<String>();
    if (!s.integrationId().equals(wanted.integrationId())) {
      out.add("its integration is " + s.integrationId() + ", not " + wanted.integrationId());
    }
    if (s.deliverStandbyEvents() != wanted.deliverStandbyEvents()) {
      out.add("deliverStandbyEvents is " + s.deliverStandbyEvents() + ", not " + wanted.deliverStandbyEvents());
    }
    if (!java.util.Objects.equals(s.nextSwitchboardIntegrationId(), wanted.nextSwitchboardIntegrationId())) {
      out.add("its next is " + s.nextSwitchboardIntegrationId() + ", not " + wanted.nextSwitchboardIntegrationId());
    }
    return out;
  }

  /**
   * The id of the switchboard integration {@code handoverTarget} names (id, then name, then integration type, as
   * {@code passControl} resolves it; {@code next}: the agent workspace's), ours left out.
   */
  private static String next(InstallContext context, List<SwitchboardIntegration> all, String ours) {
    Settings s = context.settings();
    String target = s.string("handoverTarget", ZendeskMessagingConfig.DEFAULT_HANDOVER_TARGET);
    String wanted = target.equals("next") ? ZendeskMessagingConfig.DEFAULT_HANDOVER_TARGET : target;
    var others = all.stream().filter(x -> !x.name().equals(ours)).toList();
    return others.stream().filter(x -> x.id().equals(wanted)).findFirst()
        .or(() -> others.stream().filter(x -> x.name().equals(wanted)).findFirst())
        .or(() -> others.stream().filter(x -> x.integrationType().equals(wanted)).findFirst())
        .map(SwitchboardIntegration::id)
        .orElseThrow(() -> new ConfigException("the switchboard has no integration '" + wanted + "' to hand over to: "
            + "set " + s.path() + ".handoverTarget to a switchboard integration's id, name or type ("
            + String.join(", ", others.stream().map(SwitchboardIntegration::name).toList()) + ")"));
  }

  private static String nameOf(List<SwitchboardIntegration> all, String id) {
    return all.stream().filter(x -> x.id().equals(id)).map(SwitchboardIntegration::name).findFirst()
        .orElse(String.valueOf(id));
  }

  private static boolean names(String bot, String name, String sbId, String integrationId) {
    return bot.equals(name) || bot.equals(sbId) || bot.equals(integrationId);
  }

  private static Optional<Integration> find(ZendeskMessagingAdminApi api, InstallContext context) {
    return api.integrations().stream().filter(i -> i.displayName().equals(context.name())).findFirst();
  }

  /** The file {@code webhookSecret: {file: …}} reads (made absolute by the configuration loader), if it is one. */
  private static Optional<Path> secretFile(Settings s) {
    return s.raw("webhookSecret") instanceof Map<?, ?> m && m.get("file") != null
        ? Optional.of(Path.of(m.get("file").toString())) : Optional.empty();
  }

  /** The API from the settings, without reading {@code webhookSecret} (install may be what writes it). */
  private static ZendeskMessagingAdminApi api(InstallContext context) {
    Settings s = context.settings();
    String authName = s.string("auth", "basic").toLowerCase(Locale.ROOT);
    var auth = switch (authName) {
      case "basic" -> ZendeskMessagingConfig.Auth.BASIC;
      case "jwt" -> ZendeskMessagingConfig.Auth.JWT;
      default -> throw s.invalid("auth", "must be basic or jwt, was '" + authName + "'");
    };
    try {
      var config = new ZendeskMessagingConfig(s.uri("url"), s.string("appId"), s.string("keyId"),
          s.secret("keySecret"), auth, Secret.of("(not read by install)"),
          s.string("botIntegrationId", switchboardName(context.installationId())),
          s.string("handoverTarget", ZendeskMessagingConfig.DEFAULT_HANDOVER_TARGET), true, Optional.empty(),
          null, s.duration("requestTimeout", ZendeskMessagingConfig.DEFAULT_TIMEOUT));
      return new ZendeskMessagingAdminApi(config, s.path());
    } catch (IllegalArgumentException e) {
      throw new ConfigException(s.path() + "." + e.getMessage(), e);
    }
  }
}
