package io.compliancestreams.streams.practices.iam;

import static io.compliancestreams.streams.practices.PracticeFixtures.evaluateOne;
import static org.assertj.core.api.Assertions.assertThat;

import io.compliancestreams.streams.practices.Evaluation;
import io.compliancestreams.streams.practices.ResourceRef;
import io.compliancestreams.streams.practices.Status;
import org.junit.jupiter.api.Test;

class RootHardwareMfaTest {

  private static final ResourceRef ACCOUNT = ResourceRef.account("111122223333");

  private final RootHardwareMfa practice = new RootHardwareMfa();


  @Test
  void shouldPassWhenRootHasMfaAndOnlyUsersHaveVirtualDevices() {
    Evaluation e = evaluateOne(practice, "pass-hardware-mfa.json");

    assertThat(e.status()).isEqualTo(Status.PASS);
    assertThat(e.resource()).isEqualTo(ACCOUNT);
    assertThat(e.reason()).contains("MFA enabled and no virtual MFA device assigned");
  }

  @Test
  void shouldPassWhenRootHasNoCredentialsAtAll() {
    Evaluation e = evaluateOne(practice, "pass-no-root-credentials.json");

    assertThat(e.status()).isEqualTo(Status.PASS);
    assertThat(e.resource()).isEqualTo(ACCOUNT);
    assertThat(e.reason()).contains("has no credentials");
  }

  @Test
  void shouldFailWhenAVirtualDeviceIsAssignedToRoot() {
    Evaluation e = evaluateOne(practice, "fail-virtual-mfa-on-root.json");

    assertThat(e.status()).isEqualTo(Status.FAIL);
    assertThat(e.resource()).isEqualTo(ACCOUNT);
    assertThat(e.reason())
        .contains("virtual MFA device (arn:aws:iam::111122223333:mfa/root-account-mfa-device)");
  }

  @Test
  void shouldFailWhenRootHasAPasswordButNoMfa() {
    Evaluation e = evaluateOne(practice, "fail-no-mfa.json");

    assertThat(e.status()).isEqualTo(Status.FAIL);
    assertThat(e.reason()).contains("AccountPasswordPresent=1").contains("AccountMFAEnabled=0");
  }

  @Test
  void shouldErrorWhenTheVirtualDeviceListIsNeededButMissing() {
    Evaluation e = evaluateOne(practice, "error-missing-virtual-mfa-snapshot.json");

    assertThat(e.status()).isEqualTo(Status.ERROR);
    assertThat(e.resource()).isEqualTo(ACCOUNT);
    assertThat(e.reason()).contains("no ComplianceStreams::IAM::VirtualMFADevices snapshot");
  }
}
