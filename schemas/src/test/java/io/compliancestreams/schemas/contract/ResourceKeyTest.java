package io.compliancestreams.schemas.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ResourceKeyTest {

  @Test
  void formatsTheCanonicalKeyByteForByte() {
    // The exact strings compacted topics and state stores already hold.
    assertThat(ResourceKey.of("123456789012", "eu-west-1", "AWS::S3::Bucket", "audit-logs").format())
        .isEqualTo("123456789012/eu-west-1/AWS::S3::Bucket/audit-logs");
    assertThat(ResourceKey.of("123456789012", "global", "AWS::IAM::User", "AIDAEXAMPLE").toString())
        .isEqualTo("123456789012/global/AWS::IAM::User/AIDAEXAMPLE");
  }

  @Test
  void roundTripsIdsThatContainSlashesAndColons() {
    String arn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/web/50dc6c495c0c9188";
    ResourceKey key = ResourceKey.of("123456789012", "eu-west-1", "AWS::ElasticLoadBalancingV2::LoadBalancer", arn);

    String text = key.format();

    assertThat(text).isEqualTo("123456789012/eu-west-1/AWS::ElasticLoadBalancingV2::LoadBalancer/" + arn);
    assertThat(ResourceKey.parse(text)).isEqualTo(key);
    assertThat(ResourceKey.parse(text).resourceId()).isEqualTo(arn);
  }

  @Test
  void roundTripsAnIdThatIsAPath() {
    ResourceKey key = ResourceKey.of("123456789012", "global", "AWS::IAM::Policy", "/service-role/ANPA/x");

    assertThat(ResourceKey.parse(key.format())).isEqualTo(key);
  }

  @Test
  void aRescanKeyIsTheResourceKeyOrTheScopeKeyWithoutAnId() {
    assertThat(ResourceKey.rescan("123456789012", "eu-west-1", "AWS::EC2::Volume", "vol-1"))
        .isEqualTo("123456789012/eu-west-1/AWS::EC2::Volume/vol-1");
    assertThat(ResourceKey.rescan("123456789012", "eu-west-1", "AWS::EC2::Volume", null))
        .isEqualTo("123456789012/eu-west-1/AWS::EC2::Volume")
        .isEqualTo(ResourceKey.scope("123456789012", "eu-west-1", "AWS::EC2::Volume"));
  }

  @Test
  void refusesAScopeKeyOrAnEmptyPartWhereAResourceKeyIsExpected() {
    assertThatThrownBy(() -> ResourceKey.parse("123456789012/eu-west-1/AWS::EC2::Volume"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("accountId/region/resourceType/resourceId");
    assertThatThrownBy(() -> ResourceKey.parse("123456789012//AWS::EC2::Volume/vol-1"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ResourceKey.parse("123456789012/eu-west-1/AWS::EC2::Volume/"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ResourceKey.parse("/eu-west-1/AWS::EC2::Volume/vol-1"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
