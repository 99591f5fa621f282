package io.deskbridge.daktela;

import io.deskbridge.core.config.Settings;
import io.deskbridge.core.spi.InstallContext;
import io.deskbridge.core.spi.InstallProblem;
import io.deskbridge.core.spi.InstallStep;
import io.deskbridge.core.spi.Installer;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Daktela tickets: the Events module has no API, so {@code install} prints the three HTTP actions to add (URL, header,
 * bodies), or, with {@code events: polling}, says nothing needs registering; {@code uninstall} says which actions to
 * delete. {@code check} finds nothing it could verify; {@link #unchecked} names the actions for a person to check by
 * hand. The bodies are the ones the webhook decoder reads
 * ({@code README.md}, "Setting up the instance").
 */
final class DaktelaInstaller implements Installer {
  static final String CREATED = "{\"event\":\"ticket_create\",\"ticket\":\"{{ticket.name}}\"}";
  static final String UPDATED = "{\"event\":\"ticket_update\",\"ticket\":\"{{ticket.name}}\",\"user\":\"{{ticket.user}}\","
      + "\"stage\":\"{{ticket.stage}}\",\"edited\":\"{{ticket.edited}}\"}";
  static final String ACTIVITY = "{\"event\":\"activity_create\",\"ticket\":\"{{activity.ticket}}\","
      + "\"activity\":\"{{activity.name}}\",\"user\":\"{{activity.user}}\"}";

  @Override
  public List<InstallStep> install(InstallContext context) {
    var s = context.settings();
    if (polling(s)) {
      return List.of(InstallStep.present("events: polling: the connector reads changes itself; no Events actions"));
    }
    String header = s.string("webhookSecretHeader", DaktelaConfig.DEFAULT_SECRET_HEADER);
    String common = "POST " + context.webhookUrl() + "\n"
        + "Header " + header + ": " + secretSource(s, "webhookSecret") + "\n"
        + "Header Content-Type: application/json\n";
    return List.of(
        InstallStep.manual("Daktela Events module: add an HTTP action named '" + context.name()
            + " ticket created' on the event Ticket created:\n" + common + "Body " + CREATED),
        InstallStep.manual("add an HTTP action named '" + context.name() + " ticket updated' on Ticket updated:\n"
            + common + "Body " + UPDATED),
        InstallStep.manual("add an HTTP action named '" + context.name() + " activity created' on Activity "
            + "created:\n" + common + "Body " + ACTIVITY),
        InstallStep.manual("or, where the Events module has no HTTP action, set " + s.path()
            + ".events: polling instead (no actions needed)"));
  }

  @Override
  public List<InstallStep> uninstall(InstallContext context) {
    if (polling(context.settings())) {
      return List.of(InstallStep.absent("events: polling: nothing registered at Daktela"));
    }
    return List.of(InstallStep.manual("Daktela Events module: delete the HTTP actions named '" + context.name()
        + " ticket created', '… ticket updated' and '… activity created'"));
  }

  /** Daktela offers no API to read the Events module's actions, nor a test delivery. */
  @Override
  public List<InstallProblem> check(InstallContext context) {
    return List.of();
  }

  /** The three Events actions, with webhooks; nothing with polling. */
  @Override
  public List<String> unchecked(InstallContext context) {
    if (polling(context.settings())) {
      return List.of();
    }
    return List.of("Daktela Events module (Daktela has no API to read it): the HTTP actions named '" + context.name()
        + " ticket created', '… ticket updated' and '… activity created' are there, as install printed them");
  }

  private static boolean polling(Settings s) {
    return "polling".equals(s.string("events", "webhooks").toLowerCase(Locale.ROOT));
  }

  /** Where a secret setting reads its value, as the admin should fill it in: never the value itself. */
  static String secretSource(Settings s, String key) {
    if (s.raw(key) instanceof Map<?, ?> m) {
      if (m.get("env") != null) {
        return "<the value of the environment variable " + m.get("env") + ">";
      }
      if (m.get("file") != null) {
        return "<the content of " + m.get("file") + ">";
      }
    }
    return "<the secret " + s.path() + "." + key + " reads>";
  }
}
