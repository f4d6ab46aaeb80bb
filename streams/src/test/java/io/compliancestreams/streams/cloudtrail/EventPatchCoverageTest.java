package io.compliancestreams.streams.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;

import io.compliancestreams.streams.practices.EventTrigger;
import io.compliancestreams.streams.practices.Practice;
import io.compliancestreams.streams.practices.PracticeCatalogue;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The list of patches is checked against the catalogue: a practice that declares a decisive
 * CloudTrail call promises that the state is patched at once, which only an entry in
 * {@link EventPatches} keeps. Every offender is reported at once.
 */
class EventPatchCoverageTest {

  @Test
  void everyDecisiveEventOfEveryPracticeHasAPatch() {
    List<String> unpatched = new ArrayList<>();
    int decisive = 0;
    for (Practice practice : PracticeCatalogue.all()) {
      for (EventTrigger trigger : practice.metadata().events()) {
        if (!trigger.decisive()) {
          continue;
        }
        decisive++;
        if (!EventPatches.patches(trigger.eventSource(), trigger.eventName(), trigger.resourceType())) {
          unpatched.add("practice " + practice.number() + ": " + trigger.eventSource() + " "
              + trigger.eventName() + " on " + trigger.resourceType());
        }
      }
    }
    assertThat(decisive).as("decisive triggers in the catalogue").isPositive();
    assertThat(unpatched).as("decisive events without a patch in EventPatches").isEmpty();
  }

  @Test
  void aDecisiveEventWithoutAPatchIsReported() {
    // The check itself can fail: a call no patch knows, and a known call on another type.
    assertThat(EventPatches.patches("s3.amazonaws.com", "PutBucketVersioning", "AWS::S3::Bucket")).isFalse();
    assertThat(EventPatches.patches("s3.amazonaws.com", "PutBucketEncryption", "AWS::EC2::Volume")).isFalse();
    assertThat(EventPatches.patches("ec2.amazonaws.com", "PutBucketEncryption", "AWS::S3::Bucket")).isFalse();
    assertThat(EventPatches.patches("s3.amazonaws.com", "PutBucketEncryption", "AWS::S3::Bucket")).isTrue();
  }
}
