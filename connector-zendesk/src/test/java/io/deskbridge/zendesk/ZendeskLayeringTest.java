package io.deskbridge.zendesk;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.deskbridge.core.config.Secret;
import io.deskbridge.core.config.Settings;

/**
 * A vendor module sees core only through the SPI and the model (docs/architecture.md, "Packages and what may depend
 * on what"), and never another vendor module or the fakes of mock-servers.
 */
@AnalyzeClasses(packages = "io.deskbridge.zendesk", importOptions = ImportOption.DoNotIncludeTests.class)
class ZendeskLayeringTest {

  @ArchTest
  static final ArchRule onlyTheSpiAndTheModelOfCore = noClasses()
      .that().resideInAPackage("io.deskbridge.zendesk..")
      .should().dependOnClassesThat(resideInAPackage("io.deskbridge.core..")
          .and(not(resideInAnyPackage("io.deskbridge.core.spi..", "io.deskbridge.core.conversation..",
              "io.deskbridge.core.action..", "io.deskbridge.core.error..", "io.deskbridge.core.webhook..",
              "io.deskbridge.core.email..")))
          .and(not(belongToAnyOf(Secret.class, Settings.class))))
      .because("a connector uses core's SPI, its values (e-mail text and headers among them) and the configuration values (Secret, Settings) only: "
          + "never the engine, the store, the hosting, the bot or the configuration loader");

  @ArchTest
  static final ArchRule noOtherVendorModuleNorTheFakes = noClasses()
      .that().resideInAPackage("io.deskbridge.zendesk..")
      .should().dependOnClassesThat(resideInAPackage("io.deskbridge..")
          .and(not(resideInAnyPackage("io.deskbridge.zendesk..", "io.deskbridge.core.."))))
      .because("vendor modules are independent of each other, and mock-servers is for tests only");
}
