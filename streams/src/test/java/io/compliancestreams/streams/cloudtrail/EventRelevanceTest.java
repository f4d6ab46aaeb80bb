package io.compliancestreams.streams.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class EventRelevanceTest {

  @Test
  void shouldIgnoreAFailedCallNamingItsErrorCode() {
    assertThat(
            EventRelevance.ignoredBecause(
                TrailRecords.event("organizations.amazonaws.com/LeaveOrganization-1")))
        .hasValue("failed call (errorCode AccessDenied)");
  }

  @Test
  void shouldIgnoreAReadOnlyCall() {
    assertThat(
            EventRelevance.ignoredBecause(
                TrailRecords.event("ec2.amazonaws.com/DescribeInstances-1")))
        .hasValue("read-only call");
  }

  @Test
  void shouldTreatGetWithoutReadOnlyFlagAsReadOnly() {
    TrailEvent e = TrailRecords.event("s3.amazonaws.com/GetBucketAcl-1");

    assertThat(e.readOnly()).isNull();
    assertThat(EventRelevance.ignoredBecause(e)).hasValue("read-only call");
  }

  @Test
  void shouldKeepAWriteWithoutReadOnlyFlag() {
    TrailEvent e = TrailRecords.event("ec2.amazonaws.com/ModifySnapshotAttribute-4");

    assertThat(e.readOnly()).isNull();
    assertThat(EventRelevance.ignoredBecause(e)).isEmpty();
  }

  @Test
  void shouldIgnoreAFailedConsoleSignInThatHasNoErrorCode() {
    assertThat(
            EventRelevance.ignoredBecause(
                TrailRecords.event("signin.amazonaws.com/ConsoleLogin-9")))
        .hasValue("failed call (ConsoleLogin Failure)");
  }

  @Test
  void shouldIgnoreAnExplicitlyReadOnlyWriteVerb() {
    ObjectNode raw =
        TrailRecords.json("records/ec2.amazonaws.com/ModifySnapshotAttribute-4.json").deepCopy();
    raw.put("readOnly", true);

    assertThat(EventRelevance.ignoredBecause(TrailEvents.fromRecord(raw)))
        .hasValue("read-only call");
  }
}
