package io.compliancestreams.streams.practices.dms;

import static org.assertj.core.api.Assertions.assertThat;

import io.compliancestreams.streams.practices.Evaluation;
import io.compliancestreams.streams.practices.PracticeFixtures;
import io.compliancestreams.streams.practices.ResourceRef;
import io.compliancestreams.streams.practices.Status;
import org.junit.jupiter.api.Test;

class DmsReplicationInstanceNotPublicTest {

  private final DmsReplicationInstanceNotPublic practice = new DmsReplicationInstanceNotPublic();


  private static ResourceRef instance(String id) {
    String arn = "arn:aws:dms:eu-west-1:111122223333:rep:" + id;
    return new ResourceRef("111122223333", "eu-west-1", "AWS::DMS::ReplicationInstance", arn, arn);
  }

  @Test
  void shouldPassWhenInstanceIsNotPubliclyAccessible() {
    Evaluation e = PracticeFixtures.evaluateOne(practice, "pass-private-instance.json");
    assertThat(e.status()).isEqualTo(Status.PASS);
    assertThat(e.resource()).isEqualTo(instance("UPZLKJ4BR5A2XCQ6JOUGLEHVHM"));
    assertThat(e.reason())
        .isEqualTo("DMS replication instance orders-migration is not publicly accessible");
  }

  @Test
  void shouldFailNamingThePublicAddressWhenInstanceIsPubliclyAccessible() {
    Evaluation e = PracticeFixtures.evaluateOne(practice, "fail-public-instance.json");
    assertThat(e.status()).isEqualTo(Status.FAIL);
    assertThat(e.resource()).isEqualTo(instance("Q3RJ5FTPOZ7KNWLSYAHVEXU2MA"));
    assertThat(e.reason())
        .isEqualTo(
            "DMS replication instance legacy-crm-migration is publicly accessible"
                + " (public IP 203.0.113.47)");
  }

  @Test
  void shouldReportErrorWhenPubliclyAccessibleIsMissing() {
    Evaluation e = PracticeFixtures.evaluateOne(practice, "error-flag-missing.json");
    assertThat(e.status()).isEqualTo(Status.ERROR);
    assertThat(e.resource()).isEqualTo(instance("UPZLKJ4BR5A2XCQ6JOUGLEHVHM"));
    assertThat(e.reason()).contains("configuration.PubliclyAccessible", "is missing");
  }
}
