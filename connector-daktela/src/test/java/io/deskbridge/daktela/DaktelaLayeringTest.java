package io.deskbridge.daktela;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.deskbridge.core.config.Secret;
import io.deskbridge.core.config.Settings;

/**
 * A vendor module sees core only through the SPI and the model (docs/architecture.md, "Packages and what may depend
 * on what"), and never another vendor module or the fakes of mock-servers; Feign and Jackson stay under internal, the
 * webhook decoder and the poller never call the REST client themselves (the poller reads through
 * {@code DaktelaChanges}), and every type carries the vendor prefix (STYLE.md, rule 4).
 */
@AnalyzeClasses(packages = "io.deskbridge.daktela", importOptions = ImportOption.DoNotIncludeTests.class)
class DaktelaLayeringTest {

  @ArchTest
  static final ArchRule onlyTheSpiAndTheModelOfCore = noClasses()
      .that().resideInAPackage("io.deskbridge.daktela..")
      .should().dependOnClassesThat(resideInAPackage("io.deskbridge.core..")
          .and(not(resideInAnyPackage("io.deskbridge.core.spi..", "io.deskbridge.core.conversation..",
              "io.deskbridge.core.action..", "io.deskbridge.core.error..", "io.deskbridge.core.webhook..",
              "io.deskbridge.core.email..")))
          .and(not(belongToAnyOf(Secret.class, Settings.class))))
      .because("a connector uses core's SPI, its values (e-mail text and headers among them) and the configuration values (Secret, Settings) only: "
          + "never the engine, the store, the hosting, the bot or the configuration loader");

  @ArchTest
  static final ArchRule noOtherVendorModuleNorTheFakes = noClasses()
      .that().resideInAPackage("io.deskbridge.daktela..")
      .should().dependOnClassesThat(resideInAPackage("io.deskbridge..")
          .and(not(resideInAnyPackage("io.deskbridge.daktela..", "io.deskbridge.core.."))))
      .because("vendor modules are independent of each other, and mock-servers is for tests only");

  @ArchTest
  static final ArchRule wireLibrariesOnlyBehindInternal = noClasses()
      .that().resideInAPackage("io.deskbridge.daktela")
      .should().dependOnClassesThat(resideInAnyPackage("feign..", "com.fasterxml.jackson.."))
      .because("wire detail (Feign, Jackson, the v6 envelope) lives under internal; the public package is the "
          + "factory, the connector and the configuration, as in the Zendesk and Salesforce modules");

  @ArchTest
  static final ArchRule eventsDoNotCallTheClient = noClasses()
      .that().resideInAnyPackage("io.deskbridge.daktela.internal.webhook..", "io.deskbridge.daktela.internal.poll..")
      .should().dependOnClassesThat(resideInAnyPackage("io.deskbridge.daktela.internal.client..", "feign.."))
      .because("webhooks and polling map triggers to events the same way (DaktelaEvents); the poller reads through "
          + "DaktelaChanges, which the client implements, so the REST client is wired in one place");

  @ArchTest
  static final ArchRule vendorPrefix = classes()
      .that().resideInAPackage("io.deskbridge.daktela..").and().areTopLevelClasses()
      .and().doNotHaveSimpleName("package-info")
      .should().haveSimpleNameStartingWith("Daktela")
      .because("STYLE.md rule 4: a vendor prefix on every type of a vendor module (DaktelaTrigger, DaktelaPoller)");
}
