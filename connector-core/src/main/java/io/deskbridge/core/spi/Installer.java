package io.deskbridge.core.spi;

import java.util.List;

/**
 * Registers Deskbridge with one installation's helpdesk, removes it again, and checks the registration: the webhooks,
 * triggers and integrations the vendor's API can make, and the files or manual steps where it cannot. A vendor module
 * offers one through {@link ConnectorFactory#installer()}; core owns the entry points ({@code install},
 * {@code uninstall}, the check {@code doctor} runs) and prints what was done.
 *
 * <p>Contract: {@link #install} is idempotent. It finds what an earlier run made by name or URL, so running it twice
 * creates nothing twice; the second run reports each item as {@link InstallStep.Kind#PRESENT}, or
 * {@link InstallStep.Kind#UPDATED} when it had drifted and was put right. {@link #uninstall} removes only what
 * {@code install} makes (found the same way) and nothing the admin made. With {@link InstallContext#dryRun()} neither
 * changes anything at the vendor or on disk: they read, and report what they would do. Calls may throw the vendor
 * SDK's exceptions; an {@link IllegalArgumentException} names a setting to fix. Implementations keep no state.
 */
public interface Installer {

  /** Makes what is missing, puts right what drifted; every item once, in the order done. */
  List<InstallStep> install(InstallContext context);

  /** Removes what {@link #install} made; {@link InstallStep.Kind#ABSENT} for each item not there. */
  List<InstallStep> uninstall(InstallContext context);

  /**
   * What is wrong with the registration, read only: an item missing or different from what {@link #install} would
   * make (each naming the item and that {@code install} fixes it), and, when {@link InstallContext#testDelivery()}
   * asks for it and the vendor offers one, a failed test delivery to the webhook URL. Empty when all is well.
   */
  List<InstallProblem> check(InstallContext context);

  /**
   * What {@link #check} cannot read because the vendor has no API for it, so a person checks it by hand: the
   * {@link InstallStep.Kind#MANUAL} steps {@link #install} leaves, each one line naming where to look and what should
   * be there, never a secret. {@code doctor} prints each as {@code check by hand: …}. Empty (the default) when
   * {@link #check} reads everything {@link #install} makes. Read only: calls nothing at the vendor.
   */
  default List<String> unchecked(InstallContext context) {
    return List.of();
  }
}
