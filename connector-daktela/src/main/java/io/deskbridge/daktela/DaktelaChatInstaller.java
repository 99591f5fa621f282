package io.deskbridge.daktela;

import io.deskbridge.core.spi.InstallContext;
import io.deskbridge.core.spi.InstallProblem;
import io.deskbridge.core.spi.InstallStep;
import io.deskbridge.core.spi.Installer;
import java.util.List;

/**
 * Daktela web chat: the external bot of a web-chat routing is set in Daktela's administration, which has no API for
 * it, so {@code install} prints what to set there: the bot's URL with the secret token in its path (or in the
 * {@code tokenHeader} header). {@code check} finds nothing it could verify; {@link #unchecked} names the setting for
 * a person to check by hand.
 */
final class DaktelaChatInstaller implements Installer {
  @Override
  public List<InstallStep> install(InstallContext context) {
    var s = context.settings();
    String token = DaktelaInstaller.secretSource(s, "botToken");
    return List.of(InstallStep.manual("Daktela: Manage > Web chat > the routing's bot (external bot): set its URL to\n"
        + context.webhookUrl() + "/" + token + "\n"
        + "(or the URL " + context.webhookUrl() + " with the header "
        + s.string("tokenHeader", DaktelaChatConfig.DEFAULT_TOKEN_HEADER) + ": " + token + ")"));
  }

  @Override
  public List<InstallStep> uninstall(InstallContext context) {
    return List.of(InstallStep.manual("Daktela: Manage > Web chat > the routing: remove the external bot "
        + context.webhookUrl() + "/…"));
  }

  @Override
  public List<String> unchecked(InstallContext context) {
    return List.of("Daktela Manage > Web chat > the routing's bot (Daktela has no API to read it): its URL is the "
        + "one install printed, ending /webhooks/" + context.installationId() + "/<the token>");
  }

  /** Daktela offers no API to read a routing's bot. */
  @Override
  public List<InstallProblem> check(InstallContext context) {
    return List.of();
  }
}
