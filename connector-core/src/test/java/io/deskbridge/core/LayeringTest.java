package io.deskbridge.core;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The package rules of {@code docs/architecture.md} ("Packages and what may depend on what"), checked on core's
 * main classes (the test-jar's contract kit is not part of the layering).
 */
@AnalyzeClasses(packages = "io.deskbridge.core", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

  private static final String CORE = "io.deskbridge.core..";
  private static final String[] VALUES =
      {"io.deskbridge.core.conversation..", "io.deskbridge.core.action..", "io.deskbridge.core.error..",
          "io.deskbridge.core.email..", "io.deskbridge.core.privacy.."};
  private static final String[] BOT_LIBRARY =
      {"io.deskbridge.core.knowledge..", "io.deskbridge.core.escalation..", "io.deskbridge.core.bot.."};

  @ArchTest
  static final ArchRule noPackageCycleInCore = slices().matching("io.deskbridge.core.(*)..")
      .namingSlices("core.$1")
      .should().beFreeOfCycles();

  @ArchTest
  static final ArchRule theEntryPackageIsUsedByNothingElseInCore = noClasses()
      .that().resideInAPackage("io.deskbridge.core.*..")
      .should().dependOnClassesThat().resideInAPackage("io.deskbridge.core")
      .because("the root package (Deskbridge, the config loader) wires everything, so nothing may depend on it");

  @ArchTest
  static final ArchRule theBotIsALibraryOverTheValues = noClasses()
      .that().resideInAnyPackage(BOT_LIBRARY)
      .should().dependOnClassesThat(resideInAPackage(CORE)
          .and(not(resideInAnyPackage(BOT_LIBRARY)))
          .and(not(resideInAnyPackage(VALUES))))
      .because("the bot (knowledge, retrieval, calibration, signals, policy) is usable without the engine, the "
          + "store, the HTTP server, the SPI or the configuration loader");

  @ArchTest
  static final ArchRule conversationDependsOnNothingOfCore = valuesPackageStandsAlone("conversation");

  @ArchTest
  static final ArchRule actionDependsOnNothingOfCore = valuesPackageStandsAlone("action");

  @ArchTest
  static final ArchRule errorDependsOnNothingOfCore = valuesPackageStandsAlone("error");

  @ArchTest
  static final ArchRule privacyDependsOnNothingOfCore = valuesPackageStandsAlone("privacy");

  @ArchTest
  static final ArchRule emailUsesOnlyTheConversation = noClasses()
      .that().resideInAPackage("io.deskbridge.core.email..")
      .should().dependOnClassesThat(resideInAPackage(CORE)
          .and(not(resideInAnyPackage("io.deskbridge.core.email..", "io.deskbridge.core.conversation.."))))
      .because("e-mail understanding is a value-level library: the bot, the engine and the vendor modules use it");

  @ArchTest
  static final ArchRule thePortsNeverSeeTheRuntime = noClasses()
      .that().resideInAnyPackage("io.deskbridge.core.spi..", "io.deskbridge.core.webhook..")
      .should().dependOnClassesThat().resideInAnyPackage("io.deskbridge.core.engine..",
          "io.deskbridge.core.store..", "io.deskbridge.core.hosting..")
      .because("a vendor module sees the SPI and the webhook values, never the engine, the store or the server");

  @ArchTest
  static final ArchRule lookupsSeeOnlyTheBotTheValuesAndTheSettings = noClasses()
      .that().resideInAPackage("io.deskbridge.core.lookup..")
      .should().dependOnClassesThat().resideInAnyPackage("io.deskbridge.core.engine..",
          "io.deskbridge.core.store..", "io.deskbridge.core.hosting..", "io.deskbridge.core.api..",
          "io.deskbridge.core.spi..", "io.deskbridge.core.webhook..")
      .because("a lookup decorates the bot's decision (a Decider) and reads its settings; it knows nothing of the "
          + "engine, the store, the server or the vendors");

  @ArchTest
  static final ArchRule theServerKnowsNeitherTheApiNorTheDashboard = noClasses()
      .that().resideInAPackage("io.deskbridge.core.hosting..")
      .should().dependOnClassesThat().resideInAnyPackage("io.deskbridge.core.api..", "io.deskbridge.core.admin..")
      .because("WebhookServer hands /api/v1/* and /admin/* to an ApiRoutes each; the root package wires them");

  @ArchTest
  static final ArchRule coreNeverImportsAVendorModuleOrTheFakes = noClasses()
      .that().resideInAPackage(CORE)
      .should().dependOnClassesThat(resideInAPackage("io.deskbridge..").and(not(resideInAPackage(CORE))))
      .because("vendor modules (io.deskbridge.zendesk and the next ones), mock-servers (io.deskbridge.mock) and "
          + "the app build on core, never the other way round");

  private static ArchRule valuesPackageStandsAlone(String name) {
    var own = "io.deskbridge.core." + name + "..";
    return noClasses()
        .that().resideInAPackage(own)
        .should().dependOnClassesThat(resideInAPackage(CORE).and(not(resideInAPackage(own))))
        .because("the values (conversation, action, error) depend on nothing of core");
  }
}
