package io.compliancestreams.streams.practices.config;

import io.compliancestreams.schemas.contract.ResourceTypes;
import io.compliancestreams.streams.practices.ConfigurationItem;
import io.compliancestreams.streams.practices.Evaluation;
import io.compliancestreams.streams.practices.EventTrigger;
import io.compliancestreams.streams.practices.ParameterSpec;
import io.compliancestreams.streams.practices.Practice;
import io.compliancestreams.streams.practices.PracticeMetadata;
import io.compliancestreams.streams.practices.ResourceLocator;
import io.compliancestreams.streams.practices.Scope;
import io.compliancestreams.streams.practices.ScopeInput;
import io.compliancestreams.streams.practices.Severity;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Practice 15 (Config.1): in every region, a configuration recorder exists, is recording, did not
 * last fail, records the resource types our practices read, and (by default) uses the AWS Config
 * service-linked role. The region passes when at least one recorder meets every check.
 *
 * <p>Not checked: the delivery channel (a recorder cannot be started without one, nor the channel
 * deleted while it records) and where IAM's global types are recorded (that needs every region's
 * recorder at once; this practice sees one region).
 */
public final class ConfigRecorderEnabled implements Practice {

  static final ParameterSpec SERVICE_LINKED_ROLE =
      new ParameterSpec(
          "includeConfigServiceLinkedRoleCheck",
          "true",
          "When true, the recorder must use the AWSServiceRoleForConfig service-linked role (as"
              + " Security Hub checks by default); service-linked recorders always satisfy it");

  // Checked against the catalogue by RequiredResourceTypesTest (not derived from it: the catalogue
  // holds this practice, so reading it from this class's static metadata would be a cycle).
  static final ParameterSpec REQUIRED_TYPES =
      new ParameterSpec(
          "requiredResourceTypes",
          String.join(
              ",",
              "AWS::S3::Bucket",
              "AWS::CloudTrail::Trail",
              "AWS::EC2::Volume",
              "AWS::EC2::VPC",
              "AWS::EC2::SecurityGroup",
              "AWS::DMS::ReplicationInstance",
              "AWS::OpenSearch::Domain",
              "AWS::Elasticsearch::Domain",
              "AWS::SageMaker::NotebookInstance",
              "AWS::Lambda::Function",
              "AWS::KMS::Key"),
          "Comma-separated regional resource types the recorder must record (the AWS Config types"
              + " our resource practices read); empty to skip the coverage check");

  private static final String SERVICE_LINKED_ROLE_SUFFIX =
      ":role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig";

  private static final String SOURCE = "config.amazonaws.com";

  static final PracticeMetadata METADATA =
      new PracticeMetadata(
          15,
          "Config.1",
          "AWS Config should be enabled and use the service-linked role for resource recording",
          Severity.MEDIUM,
          Severity.CRITICAL,
          Scope.REGION,
          List.of(ResourceTypes.CONFIG_RECORDER_STATUS),
          Stream.of(
                  "PutConfigurationRecorder",
                  "DeleteConfigurationRecorder",
                  "StartConfigurationRecorder",
                  "StopConfigurationRecorder",
                  "PutDeliveryChannel",
                  "DeleteDeliveryChannel",
                  "AssociateResourceTypes",
                  "DisassociateResourceTypes",
                  "PutServiceLinkedConfigurationRecorder",
                  "DeleteServiceLinkedConfigurationRecorder")
              .map(
                  name ->
                      EventTrigger.rescan(
                          SOURCE, name, ResourceTypes.CONFIG_RECORDER_STATUS, ResourceLocator.accountRegion()))
              .toList(),
          List.of(SERVICE_LINKED_ROLE, REQUIRED_TYPES),
          "In every enabled region, create a configuration recorder that uses the "
              + "AWSServiceRoleForConfig service-linked role and records all supported resource "
              + "types (or at least the listed ones), give it a delivery channel to an S3 bucket, "
              + "and start it with StartConfigurationRecorder. Record IAM's global types in one "
              + "home region only. If the last status is Failure, fix the role or bucket policy "
              + "named by lastErrorCode.",
          URI.create("https://docs.aws.amazon.com/securityhub/latest/userguide/config-controls.html#config-1"));

  @Override
  public PracticeMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Evaluation> evaluate(ScopeInput input) {
    RecorderStatus snapshot = RecorderStatus.of(latest(input.itemsOfType(ResourceTypes.CONFIG_RECORDER_STATUS)));
    boolean roleCheck = input.parameters().bool(SERVICE_LINKED_ROLE);
    List<String> required = list(input.parameters().text(REQUIRED_TYPES));
    String region = input.subject().region();
    int n = METADATA.number();

    List<String> problems = new ArrayList<>();
    for (RecorderStatus.Recorder recorder : snapshot.recorders()) {
      String name = recorder.name();
      List<String> gaps = gaps(recorder, roleCheck, required);
      if (gaps.isEmpty()) {
        return List.of(
            Evaluation.pass(
                n,
                input.subject(),
                "Configuration recorder " + name + " is recording in " + region
                    + (required.isEmpty() ? "" : " and covers the " + required.size() + " required resource types")));
      }
      problems.add("recorder " + name + " " + String.join(", ", gaps));
    }
    String reason =
        problems.isEmpty()
            ? "No AWS Config configuration recorder exists in " + region
            : "AWS Config is not enabled as required in " + region + ": " + String.join("; ", problems);
    return List.of(Evaluation.fail(n, input.subject(), reason));
  }

  /** What keeps one recorder from counting; empty when it meets every check. */
  private static List<String> gaps(RecorderStatus.Recorder recorder, boolean roleCheck, List<String> required) {
    List<String> gaps = new ArrayList<>();
    Optional<RecorderStatus.Status> status = recorder.status();
    if (status.isEmpty()) {
      gaps.add("has no DescribeConfigurationRecorderStatus entry");
    } else {
      if (!status.get().recording()) {
        gaps.add("is not recording");
      }
      if (status.get().lastStatus().filter("Failure"::equalsIgnoreCase).isPresent()) {
        gaps.add("last recording attempt failed"
            + status.get().lastErrorCode().map(code -> " (" + code + ")").orElse(""));
      }
    }
    String role = recorder.roleArn().orElse(null);
    if (roleCheck && !recorder.serviceLinked() && (role == null || !role.endsWith(SERVICE_LINKED_ROLE_SUFFIX))) {
      gaps.add("uses role " + role + " instead of the AWSServiceRoleForConfig service-linked role");
    }
    List<String> missing = required.stream().filter(t -> !recorder.records(t)).toList();
    if (!missing.isEmpty()) {
      gaps.add("does not record " + String.join(", ", missing));
    }
    return gaps;
  }

  private static ConfigurationItem latest(List<ConfigurationItem> items) {
    return items.stream()
        .max(
            Comparator.comparing(
                    ConfigurationItem::captureTime, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
                .thenComparing(ConfigurationItem::key, Comparator.reverseOrder()))
        .orElseThrow(() -> new IllegalStateException("no recorder status snapshot"));
  }

  private static List<String> list(String csv) {
    return Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}
