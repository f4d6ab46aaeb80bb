package io.compliancestreams.it;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module and package boundaries of STYLE.md, proved on the compiled classes: dependencies run
 * one way ({@code schemas} ← {@code ingest}/{@code streams}/{@code sinks} ← {@code app}), the AWS
 * SDK stays in ingest and sinks, RocksDB in the streams state package, the contract in {@code
 * schemas.contract} is plain code, and the practices stay pure (they may use that contract only).
 */
class ArchitectureTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importProductionClasses() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        // Test jars of other modules (shared fixtures) are test code too.
        .withImportOption(location -> !location.contains("-tests.jar"))
        .importPackages("io.compliancestreams");
  }

  @Test
  void schemasDependOnNoOtherModule() {
    noClasses().that().resideInAPackage("io.compliancestreams.schemas..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "io.compliancestreams.ingest..", "io.compliancestreams.streams..",
            "io.compliancestreams.sinks..", "io.compliancestreams.app..",
            "io.compliancestreams.devkit..")
        .check(classes);
  }

  @Test
  void ingestStreamsAndSinksDoNotDependOnEachOtherNorOnTheApp() {
    noClasses().that().resideInAPackage("io.compliancestreams.ingest..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "io.compliancestreams.streams..", "io.compliancestreams.sinks..",
            "io.compliancestreams.app..", "io.compliancestreams.devkit..")
        .check(classes);
    noClasses().that().resideInAPackage("io.compliancestreams.streams..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "io.compliancestreams.ingest..", "io.compliancestreams.sinks..",
            "io.compliancestreams.app..", "io.compliancestreams.devkit..")
        .check(classes);
    noClasses().that().resideInAPackage("io.compliancestreams.sinks..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "io.compliancestreams.ingest..", "io.compliancestreams.streams..",
            "io.compliancestreams.app..", "io.compliancestreams.devkit..")
        .check(classes);
  }

  @Test
  void devkitIsUsedOnlyByTheApp() {
    noClasses().that().resideInAnyPackage(
            "io.compliancestreams.schemas..", "io.compliancestreams.ingest..",
            "io.compliancestreams.streams..", "io.compliancestreams.sinks..")
        .should().dependOnClassesThat().resideInAPackage("io.compliancestreams.devkit..")
        .check(classes);
  }

  @Test
  void awsSdkIsUsedOnlyByIngestAndSinks() {
    noClasses().that().resideOutsideOfPackages(
            "io.compliancestreams.ingest..", "io.compliancestreams.sinks..")
        .should().dependOnClassesThat().resideInAPackage("software.amazon.awssdk..")
        .check(classes);
  }

  @Test
  void rocksDbIsUsedOnlyByTheStreamsStatePackage() {
    noClasses().that().resideOutsideOfPackage("io.compliancestreams.streams.state..")
        .should().dependOnClassesThat().resideInAPackage("org.rocksdb..")
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void theContractIsPlainCode() {
    noClasses().that().resideInAPackage("io.compliancestreams.schemas.contract..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "org.apache.kafka..", "software.amazon.awssdk..", "org.apache.avro..", "org.slf4j..",
            "java.nio.file..", "java.net..")
        .orShould().dependOnClassesThat(resideInAPackage("io.compliancestreams.schemas..")
            .and(not(resideInAPackage("io.compliancestreams.schemas.contract.."))))
        .check(classes);
  }

  @Test
  void practicesArePure() {
    noClasses().that().resideInAPackage("io.compliancestreams.streams.practices..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "org.apache.kafka..", "software.amazon.awssdk..", "org.slf4j..",
            "java.nio.file..", "java.net.http..", "org.apache.avro..")
        // The plain contract (resource keys and type names, the item readers) is the one part of
        // schemas a practice may use.
        .orShould().dependOnClassesThat(resideInAPackage("io.compliancestreams.schemas..")
            .and(not(resideInAPackage("io.compliancestreams.schemas.contract.."))))
        .orShould().dependOnClassesThat().areAssignableTo(Clock.class)
        .orShould().callMethod(Instant.class, "now")
        .orShould().callMethod(System.class, "currentTimeMillis")
        // Evaluation time is measured around the practices, in the topology (TimedPractice).
        .orShould().callMethod(System.class, "nanoTime")
        .check(classes);
  }
}
