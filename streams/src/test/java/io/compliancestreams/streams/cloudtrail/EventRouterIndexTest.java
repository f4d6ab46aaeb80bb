package io.compliancestreams.streams.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.compliancestreams.streams.practices.PracticeCatalogue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Walks every record of {@code cloudtrail/index.json} through parsing and routing and reports all
 * offenders at once.
 *
 * <p>The index names resources as an analyst would (AWS Config types, {@code AWS::::Account}); the
 * practices read some facts from our extension snapshots instead. {@link #SAME_RESOURCE} maps each
 * index type to the snapshot types that hold that resource's facts. A target on an account-keyed
 * snapshot (resourceId = the account) in the index's account stands for the resource, since that
 * snapshot is where its state lives; a scope-level target stands for it when the index says the
 * event does not name the resource (no id) or is of a related type the event cannot name. {@code
 * no-status-change} records must route to nothing: no trigger listens to {@code
 * s3express.amazonaws.com}, whose directory buckets always encrypt and block public access.
 */
class EventRouterIndexTest {

  private static final Map<String, Set<String>> SAME_RESOURCE =
      Map.of(
          "AWS::CloudTrail::Trail",
          Set.of("AWS::CloudTrail::Trail", "ComplianceStreams::CloudTrail::Trails"),
          "AWS::Config::DeliveryChannel",
          Set.of("ComplianceStreams::Config::RecorderStatus"),
          "AWS::Config::ConfigurationRecorder",
          Set.of("ComplianceStreams::Config::RecorderStatus"),
          "AWS::::Account",
          Set.of(
              "ComplianceStreams::IAM::AccountSummary",
              "AWS::S3::AccountPublicAccessBlock",
              "ComplianceStreams::EC2::EbsEncryptionByDefault"),
          "AWS::IAM::User",
          Set.of("AWS::IAM::User", "ComplianceStreams::IAM::UserCredentials"),
          "AWS::IAM::VirtualMFADevice",
          Set.of("ComplianceStreams::IAM::VirtualMFADevices"),
          "AWS::GuardDuty::Detector",
          Set.of("ComplianceStreams::GuardDuty::Detectors"),
          "AWS::EC2::Snapshot",
          Set.of("ComplianceStreams::EC2::Snapshot"),
          // A new or deleted VPC also changes the region's default security groups (EC2.2).
          "AWS::EC2::VPC",
          Set.of("AWS::EC2::VPC", "AWS::EC2::SecurityGroup"));

  /** Records that cannot be read, and the field the exception must name. */
  private static final Map<String, String> MALFORMED =
      Map.of(
          // A hand-made sample with neither eventTime nor eventID.
          "records/ec2.amazonaws.com/DisableEbsEncryptionByDefault-1.json", "eventTime");

  /** Where we knowingly differ from the index, and why. */
  private static final Map<String, String> DEVIATIONS =
      Map.of(
          "records/iam.amazonaws.com/CreateVirtualMFADevice-2.json",
          "creating a virtual device assigns it to nobody, so no user's MFA (practice 5) changes;"
              + " it rescans the account's virtual MFA devices for practice 6 only");

  private final EventRouter router = new EventRouter(PracticeCatalogue.all());

  @Test
  void shouldRouteEveryIndexedRecordAsTheIndexExpects() {
    JsonNode index = TrailRecords.json("index.json");
    List<String> offenders = new ArrayList<>();
    int checked = 0;
    for (JsonNode entry : index) {
      checked++;
      String file = entry.get("file").asText();
      if (DEVIATIONS.containsKey(file)) {
        continue;
      }
      TrailEvent event;
      try {
        event = TrailEvents.fromRecord(TrailRecords.json(file));
      } catch (MalformedEventException e) {
        if (!e.field().equals(MALFORMED.get(file))) {
          offenders.add(file + ": unexpectedly malformed (" + e.getMessage() + ")");
        }
        continue;
      }
      if (MALFORMED.containsKey(file)) {
        offenders.add(file + ": expected a MalformedEventException naming " + MALFORMED.get(file));
        continue;
      }
      List<EventTarget> targets = router.route(event);
      String expect = entry.get("expect").asText();
      switch (expect) {
        case "ignore", "no-status-change" -> {
          if (!targets.isEmpty()) {
            offenders.add(file + ": " + expect + " but routed to " + targets);
          }
        }
        case "evaluate" -> checkEvaluate(file, entry, event, targets, offenders);
        default -> offenders.add(file + ": unknown expect " + expect);
      }
    }
    assertThat(checked).isEqualTo(97);
    assertThat(offenders).isEmpty();
  }

  private static void checkEvaluate(
      String file,
      JsonNode entry,
      TrailEvent event,
      List<EventTarget> targets,
      List<String> offenders) {
    JsonNode resource = entry.get("resource");
    String type = resource.get("type").asText();
    String id = text(resource, "id");
    String arn = text(resource, "arn");
    Set<String> names = new TreeSet<>();
    if (id != null) names.add(id);
    if (arn != null) names.add(arn);
    // CreateUser's response gives the new user's id (AIDA...), the snapshots' resourceId.
    JsonNode user = event.responseElements().path("user");
    if (id != null && id.equals(user.path("userName").asText(null))) {
      names.add(user.path("userId").asText());
    }
    String account = text(resource, "account");
    Set<String> types = SAME_RESOURCE.getOrDefault(type, Set.of(type));
    Set<Integer> covered = new TreeSet<>();
    for (EventTarget t : targets) {
      if (!types.contains(t.resourceType())) {
        continue;
      }
      boolean named = t.identifier() != null && names.contains(t.identifier());
      boolean accountSnapshot =
          AccountKeyedTypes.contains(t.resourceType())
              && t.identifier() != null
              && t.identifier().equals(account);
      // The index names no resource, or the target is a related type the event cannot name
      // (a new VPC's default security group).
      boolean implicit = t.scopeLevel() && (id == null || !t.resourceType().equals(type));
      if (named || accountSnapshot || implicit) {
        covered.addAll(t.practices());
      }
    }
    Set<Integer> expected = new TreeSet<>();
    entry.get("practices").forEach(p -> expected.add(p.get("practice").asInt()));
    if (!covered.containsAll(expected)) {
      offenders.add(
          file
              + ": expected practices "
              + expected
              + " on "
              + type
              + " "
              + id
              + " / "
              + arn
              + ", covered "
              + covered
              + " by "
              + targets);
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
  }
}
