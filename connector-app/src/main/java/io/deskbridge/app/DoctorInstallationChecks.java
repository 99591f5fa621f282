package io.deskbridge.app;

import static io.deskbridge.app.Doctor.fail;
import static io.deskbridge.app.Doctor.ok;
import static io.deskbridge.app.Doctor.warn;

import io.deskbridge.app.Doctor.Finding;
import io.deskbridge.core.Installs;
import io.deskbridge.core.engine.Connectors;
import io.deskbridge.core.engine.Engine;
import io.deskbridge.core.engine.Installation;
import io.deskbridge.core.spi.Connector;
import io.deskbridge.core.spi.ConnectorContext;
import io.deskbridge.core.spi.InstallProblem;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code doctor}'s checks of each checked installation ({@code credentials}, {@code registration}: a FAIL per
 * problem the installer's check finds, a WARN {@code check by hand: …} per item it cannot read): the checks of
 * {@link #PER_INSTALLATION} in order, each with the installation's connector, built from its factory and closed after
 * them. The connectors are discovered once, for building them and for the registration check. Not thread-safe: one
 * run.
 */
final class DoctorInstallationChecks {

  /** One check of one installation, given its connector. */
  @FunctionalInterface
  interface InstallationCheck {
    void run(DoctorInstallationChecks checks, Installation installation, Consumer<Finding> out);
  }

  /** The checks of each installation, in order: its credentials, then its registration at the helpdesk. */
  static final List<InstallationCheck> PER_INSTALLATION = List.of(DoctorInstallationChecks::credentials,
      DoctorInstallationChecks::registration);

  private final Doctor doctor;
  private final Connectors connectors;
  private final Installs installs;
  private final Set<String> credentialsFailed = new HashSet<>();

  private DoctorInstallationChecks(Doctor doctor, Connectors connectors) {
    this.doctor = doctor;
    this.connectors = connectors;
    this.installs = new Installs(doctor.config(), doctor.file(), connectors, doctor.clock());
  }

  /** The {@link Doctor.Check}: every checked installation, with the connectors discovered once. */
  static void run(Doctor doctor, Consumer<Finding> out) {
    new DoctorInstallationChecks(doctor, Connectors.discover()).eachInstallation(out);
  }

  private void eachInstallation(Consumer<Finding> out) {
    for (var i : doctor.installations()) {
      if (!i.settings().secretProblems().isEmpty()) {
        out.accept(fail("credentials", "installations[" + i.id() + "].settings", "installation '" + i.id()
            + "' (" + i.vendor() + ") not checked: its secrets cannot be read (above)"));
        continue;
      }
      Connector connector;
      try {
        connector = connectors.forVendor(i.vendor()).create(new ConnectorContext(i.id(), i.settings(),
            doctor.clock(), i.routing().handoverTag()));
      } catch (IllegalArgumentException e) {
        out.accept(fail("credentials", "installations[" + i.id() + "].settings", "installation '" + i.id() + "' ("
            + i.vendor() + "): " + e.getMessage()));
        continue;
      }
      try (connector) {
        var installation = new Installation(i.id(), i.mode(), i.routing(), i.retry(), connector,
            i.requestsPerMinute(), i.reopenStartsEpisode(), i.chatDebounce(), i.chatSessionTimeout(),
            i.emailMaxRepliesPerDay());
        for (var check : PER_INSTALLATION) {
          check.run(this, installation, out);
        }
      }
    }
  }

  private void credentials(Installation inst, Consumer<Finding> out) {
    var vendor = inst.connector().vendor();
    var subject = "installations[" + inst.id() + "].settings";
    if (vendor.equals("api")) {
      out.accept(ok("credentials", subject, "installation '" + inst.id() + "' (api): the built-in Conversation API, "
          + "no helpdesk to log in to; its clients' keys: deskbridge api-key list"));
      return;
    }
    try {
      var identity = Engine.startUpCheck(inst);
      out.accept(ok("credentials", subject, "installation '" + inst.id() + "' (" + vendor + ") authenticated as "
          + identity.name() + " (id " + identity.userId() + "); its routing targets exist"));
    } catch (IllegalArgumentException e) { // ConfigException: names the setting and the fix
      credentialsFailed.add(inst.id());
      out.accept(fail("credentials", subject, e.getMessage()));
    } catch (RuntimeException e) {
      credentialsFailed.add(inst.id());
      out.accept(fail("credentials", subject, "installation '" + inst.id() + "' (" + vendor + ") failed its "
          + "start-up check: " + ServeCommand.rootMessage(e) + "; check " + subject));
    }
  }

  private void registration(Installation inst, Consumer<Finding> out) {
    var subject = "installations[" + inst.id() + "]";
    if (!installs.registers(inst.id()) || credentialsFailed.contains(inst.id())) {
      return; // nothing to register, or nothing to read it with (the credentials' failure is above)
    }
    boolean testDelivery = doctor.testDelivery();
    List<InstallProblem> problems;
    List<String> unchecked;
    try {
      problems = installs.check(inst.id(), testDelivery);
      unchecked = installs.unchecked(inst.id());
    } catch (IllegalArgumentException e) { // names the setting the check needs
      out.accept(fail("registration", subject, e.getMessage()));
      return;
    } catch (RuntimeException e) {
      out.accept(fail("registration", subject, "installation '" + inst.id() + "': its registration could not be "
          + "read: " + ServeCommand.rootMessage(e) + "; check " + subject + ".settings"));
      return;
    }
    if (problems.isEmpty() && unchecked.isEmpty()) {
      out.accept(ok("registration", subject, "installation '" + inst.id() + "' is registered at its helpdesk as "
          + "install left it" + (testDelivery ? ", and its test delivery reached Deskbridge" : "")));
    }
    problems.forEach(p -> out.accept(fail("registration", subject, p.toString())));
    unchecked.forEach(u -> out.accept(warn("registration", subject, "installation '" + inst.id() + "': check by "
        + "hand: " + u)));
  }
}
