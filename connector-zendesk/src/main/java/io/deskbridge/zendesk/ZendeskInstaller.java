package io.deskbridge.zendesk;

import io.deskbridge.core.config.Settings;
import io.deskbridge.core.spi.GeneratedFile;
import io.deskbridge.core.spi.InstallContext;
import io.deskbridge.core.spi.InstallProblem;
import io.deskbridge.core.spi.InstallStep;
import io.deskbridge.core.spi.Installer;
import io.deskbridge.zendesk.internal.install.ZendeskAdminApi;
import io.deskbridge.zendesk.internal.install.ZendeskAdminApi.Webhook;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.zendesk.client.v2.model.Action;
import org.zendesk.client.v2.model.Trigger;

/**
 * Zendesk Support: {@code install} makes one webhook named {@code Deskbridge <id>} to
 * {@code <server.publicUrl>/webhooks/<id>}, connected to triggers (POST, JSON, {@code conditional_ticket_events}),
 * writes its signing secret to the file {@code webhookSecret: {file: …}} reads, and makes two triggers that send it
 * the ids the webhook decoder reads ({@value #BODY}): {@code Deskbridge <id>: ticket created} (a new ticket) and
 * {@code Deskbridge <id>: customer comment} (a public comment not made through the API, so the bot's own replies
 * send nothing). Existing ones are found by name (webhook) and title (triggers); a drifted one is put back with
 * {@code PUT}. {@code uninstall} deletes the triggers whose title starts with {@code Deskbridge <id>: } and then the
 * webhook; the secret file stays (the configuration reads it). {@code check} reports each of these missing or
 * different, a secret file that is not the webhook's secret, and, when asked, a test delivery
 * ({@code POST /api/v2/webhooks/test}) that Deskbridge did not answer with 2xx.
 *
 * <p>Trigger-connected webhooks carry no ticket state, so the bot learns of a handover tag an agent removed or a draft
 * approval tag only with the customer's next comment; an installation that wants those at once subscribes its
 * webhook to events instead (connector README).
 */
final class ZendeskInstaller implements Installer {
  /** The trigger body: what {@code ZendeskWebhookDecoder} reads from a trigger webhook. */
  static final String BODY = "{\"ticket_id\":\"{{ticket.id}}\",\"updater_id\":\"{{current_user.id}}\"}";
  /** The test delivery's body: a Zendesk-shaped event the decoder acknowledges and ignores (no ticket event). */
  static final String TEST_TYPE = "zen:event-type:deskbridge.test";

  /** A trigger install makes: its title suffix and conditions ({@code all}: field, operator, value triples). */
  private record Wanted(String suffix, List<List<String>> all) {
    String title(InstallContext c) {
      return c.name() + ": " + suffix;
    }
  }

  private static final List<Wanted> TRIGGERS = List.of(
      new Wanted("ticket created", List.of(List.of("update_type", "is", "Create"))),
      new Wanted("customer comment", List.of(List.of("update_type", "is", "Change"),
          List.of("comment_is_public", "is", "true"), List.of("current_via_id", "is_not", "5"))));

  @Override
  public List<InstallStep> install(InstallContext context) {
    URI endpoint = context.webhookUrl();
    try (var api = api(context)) {
      var steps = new ArrayList<InstallStep>();
      Optional<Webhook> found = find(api, context);
      String id;
      boolean created = false;
      if (found.isEmpty()) {
        id = context.dryRun() ? "(new)" : api.createWebhook(context.name(), endpoint).id();
        created = true;
        steps.add(InstallStep.created("webhook '" + context.name() + "' (id " + id + ") to " + endpoint));
      } else {
        id = found.get().id();
        var differences = differences(found.get(), endpoint);
        if (differences.isEmpty()) {
          steps.add(InstallStep.present("webhook '" + context.name() + "' (id " + id + ") to " + endpoint));
        } else if (!found.get().subscriptions().equals(List.of(ZendeskAdminApi.CONDITIONAL))) {
          // a webhook's connection method cannot change: make it again
          if (!context.dryRun()) {
            api.deleteWebhook(id);
            id = api.createWebhook(context.name(), endpoint).id();
          }
          created = true;
          steps.add(InstallStep.updated("webhook '" + context.name() + "' made again (id " + id + ") to " + endpoint
              + ": it was " + String.join(", ", differences)));
        } else {
          if (!context.dryRun()) {
            api.updateWebhook(id, context.name(), endpoint);
          }
          steps.add(InstallStep.updated("webhook '" + context.name() + "' (id " + id + ") to " + endpoint + ": it was "
              + String.join(", ", differences)));
        }
      }
      steps.add(secret(context, api, id, created));
      var existing = api.triggers();
      for (var wanted : TRIGGERS) {
        steps.add(trigger(context, api, existing, wanted, id));
      }
      return steps;
    }
  }

  @Override
  public List<InstallStep> uninstall(InstallContext context) {
    try (var api = api(context)) {
      var steps = new ArrayList<InstallStep>();
      String prefix = context.name() + ": ";
      var ours = api.triggers().stream().filter(t -> t.getTitle() != null && t.getTitle().startsWith(prefix)).toList();
      for (var t : ours) {
        if (!context.dryRun()) {
          api.deleteTrigger(t.getId());
        }
        steps.add(InstallStep.removed("trigger '" + t.getTitle() + "' (id " + t.getId() + ")"));
      }
      for (var wanted : TRIGGERS) {
        if (ours.stream().noneMatch(t -> t.getTitle().equals(wanted.title(context)))) {
          steps.add(InstallStep.absent("trigger '" + wanted.title(context) + "'"));
        }
      }
      var found = find(api, context);
      if (found.isPresent()) {
        if (!context.dryRun()) {
          api.deleteWebhook(found.get().id());
        }
        steps.add(InstallStep.removed("webhook '" + context.name() + "' (id " + found.get().id() + ")"));
      } else {
        steps.add(InstallStep.absent("webhook '" + context.name() + "'"));
      }
      secretFile(context.settings()).ifPresent(file -> steps.add(InstallStep.present("signing secret file " + file
          + " kept (the configuration reads it; delete it when you remove the installation)")));
      return steps;
    }
  }

  @Override
  public List<InstallProblem> check(InstallContext context) {
    URI endpoint = context.webhookUrl();
    String fix = "run install --installation " + context.installationId();
    try (var api = api(context)) {
      var problems = new ArrayList<InstallProblem>();
      String item = "Zendesk webhook '" + context.name() + "'";
      var found = find(api, context);
      if (found.isEmpty()) {
        problems.add(new InstallProblem(item, "is missing: " + fix));
      } else {
        var differences = differences(found.get(), endpoint);
        if (!differences.isEmpty()) {
          problems.add(new InstallProblem(item, String.join(", ", differences) + ": " + fix));
        }
        secretFile(context.settings()).ifPresent(file -> {
          String theirs = api.signingSecret(found.get().id()).reveal();
          new GeneratedFile(file, theirs + "\n", true, "signing secret file").problem(context.installationId())
              .map(p -> new InstallProblem(p.item(), p.problem().startsWith("differs")
                  ? "is not the webhook's signing secret: " + fix : p.problem()))
              .ifPresent(problems::add);
        });
      }
      var existing = api.triggers();
      for (var wanted : TRIGGERS) {
        String title = wanted.title(context);
        var t = existing.stream().filter(x -> title.equals(x.getTitle())).findFirst();
        if (t.isEmpty()) {
          problems.add(new InstallProblem("Zendesk trigger '" + title + "'", "is missing: " + fix));
        } else if (found.isPresent() && !matches(t.get(), wanted, found.get().id())) {
          problems.add(new InstallProblem("Zendesk trigger '" + title + "'", "differs from what install makes ("
              + (t.get().isActive() ? "its conditions or its webhook action" : "it is inactive") + "): " + fix));
        }
      }
      if (context.testDelivery() && found.isPresent()) {
        String payload = "{\"type\":\"" + TEST_TYPE + "\",\"id\":\"deskbridge-test-" + UUID.randomUUID() + "\"}";
        var result = api.test(found.get().id(), payload);
        if (result.status() < 200 || result.status() > 299) {
          problems.add(new InstallProblem("Zendesk test delivery to " + found.get().endpoint(), switch (result.status()) {
            case 0 -> "Zendesk could not reach it: start deskbridge serve there, and check server.publicUrl";
            case 401 -> "was refused (401): the signing secret Deskbridge reads is not the webhook's: " + fix
                + " and restart serve";
            case 404 -> "was answered 404: the Deskbridge serving there has no installation "
                + context.installationId() + ", or server.publicUrl is wrong";
            default -> "was answered " + result.status() + ": see Deskbridge's log";
          }));
        }
      }
      return problems;
    }
  }

  private static ZendeskAdminApi api(InstallContext context) {
    Settings s = context.settings();
    return new ZendeskAdminApi(s.uri("url"), s.string("email"), s.secret("apiToken"),
        s.duration("requestTimeout", ZendeskConfig.DEFAULT_TIMEOUT), s.path());
  }

  private static Optional<Webhook> find(ZendeskAdminApi api, InstallContext context) {
    return api.webhooks(context.name()).stream().filter(w -> w.name().equals(context.name())).findFirst();
  }

  /** How {@code w} differs from what install makes, each as "its endpoint is …"; empty when it does not. */
  private static List<String> differences(Webhook w, URI endpoint) {
    var out = new ArrayList<String>();
    if (!w.endpoint().equals(endpoint.toString())) {
      out.add("its endpoint is " + w.endpoint() + ", not " + endpoint);
    }
    if (!"active".equals(w.status())) {
      out.add("it is " + w.status());
    }
    if (!"POST".equals(w.httpMethod()) || !"json".equals(w.requestFormat())) {
      out.add("it sends " + w.httpMethod() + " " + w.requestFormat() + ", not POST json");
    }
    if (!w.subscriptions().equals(List.of(ZendeskAdminApi.CONDITIONAL))) {
      out.add("it is subscribed to " + w.subscriptions() + ", not connected to triggers");
    }
    return out;
  }

  /** Writes the webhook's signing secret to the file the configuration reads, or says what to do. */
  private static InstallStep secret(InstallContext context, ZendeskAdminApi api, String webhookId, boolean created) {
    Settings s = context.settings();
    var file = secretFile(s);
    if (file.isPresent()) {
      if (context.dryRun() && created) {
        return InstallStep.created("signing secret file " + file.get());
      }
      return new GeneratedFile(file.get(), api.signingSecret(webhookId).reveal() + "\n", true, "signing secret file")
          .write(context.dryRun());
    }
    String where = s.raw("webhookSecret") instanceof Map<?, ?> m && m.get("env") != null
        ? "the environment variable " + m.get("env") + " (read by " + s.path() + ".webhookSecret)"
        : s.path() + ".webhookSecret";
    return InstallStep.manual("put webhook '" + context.name() + "''s signing secret (Admin Center > Apps and "
        + "integrations > Webhooks > " + context.name() + " > Reveal secret) in " + where + "; or write "
        + "webhookSecret: {file: secrets/" + context.installationId() + "-zendesk-webhook-secret} and run install "
        + "again, which writes it there");
  }

  /** The file {@code webhookSecret: {file: …}} reads (made absolute by the configuration loader), if it is one. */
  private static Optional<Path> secretFile(Settings s) {
    return s.raw("webhookSecret") instanceof Map<?, ?> m && m.get("file") != null
        ? Optional.of(Path.of(m.get("file").toString())) : Optional.empty();
  }

  private static InstallStep trigger(InstallContext context, ZendeskAdminApi api, List<Trigger> existing,
      Wanted wanted, String webhookId) {
    String title = wanted.title(context);
    var found = existing.stream().filter(t -> title.equals(t.getTitle())).findFirst();
    if (found.isPresent() && matches(found.get(), wanted, webhookId)) {
      return InstallStep.present("trigger '" + title + "' (id " + found.get().getId() + ")");
    }
    Trigger t = build(wanted, title, webhookId);
    if (found.isPresent()) {
      t.setId(found.get().getId());
      t.setPosition(found.get().getPosition());
      if (!context.dryRun()) {
        api.updateTrigger(t);
      }
      return InstallStep.updated("trigger '" + title + "' (id " + t.getId() + "): conditions, action and active "
          + "as install makes them");
    }
    Long id = context.dryRun() ? null : api.createTrigger(t).getId();
    return InstallStep.created("trigger '" + title + "' (id " + (id == null ? "(new)" : id) + ") sending to webhook "
        + webhookId);
  }

  private static Trigger build(Wanted wanted, String title, String webhookId) {
    var t = new Trigger();
    t.setTitle(title);
    t.setActive(true);
    var conditions = new Trigger.Conditions();
    conditions.setAll(wanted.all().stream().map(c -> new Trigger.Condition(c.get(0), c.get(1), c.get(2))).toList());
    conditions.setAny(List.of());
    t.setConditions(conditions);
    var action = new Action();
    action.setField("notification_webhook");
    action.setValue(new Object[] {webhookId, BODY});
    t.setActions(List.of(action));
    return t;
  }

  /** Whether a trigger is active, has exactly the wanted conditions and only the action to the webhook. */
  static boolean matches(Trigger t, Wanted wanted, String webhookId) {
    if (!t.isActive() || t.getConditions() == null || t.getActions() == null || t.getActions().size() != 1) {
      return false;
    }
    var all = t.getConditions().getAll() == null ? List.<List<String>>of() : t.getConditions().getAll().stream()
        .map(c -> List.of(String.valueOf(c.getField()), String.valueOf(c.getOperator()), String.valueOf(c.getValue())))
        .toList();
    boolean noAny = t.getConditions().getAny() == null || t.getConditions().getAny().isEmpty();
    Action a = t.getActions().get(0);
    return all.equals(wanted.all()) && noAny && "notification_webhook".equals(a.getField()) && a.getValue() != null
        && Arrays.asList(a.getValue()).stream().map(Objects::toString).toList().equals(List.of(webhookId, BODY));
  }
}
