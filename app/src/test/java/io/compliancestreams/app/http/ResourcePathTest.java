package io.compliancestreams.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResourcePathTest {

  @Test
  void shouldMakeACanonicalLowerCasePathOfAKeyWithSlashesColonsAndUpperCase() {
    String key = "123456789012/eu-west-1/AWS::S3::Bucket/Acme-Prod/ünïcode";
    String path = ResourcePath.of(key);
    assertThat(path).matches("/resources/[0-9a-f]+").startsWith("/resources/3132333435363738393031322f");
    assertThat(ApiServer.PUBLIC_PAGES.matcher(path).matches()).isTrue();
    assertThat(ResourcePath.key(path.substring(ResourcePath.PREFIX.length()))).contains(key);
  }

  @Test
  void shouldRefuseASegmentThatIsNotOneKeysHex() {
    assertThat(ResourcePath.key("3132F3")).as("upper case: not the one form").isEmpty();
    assertThat(ResourcePath.key("313")).as("odd length").isEmpty();
    assertThat(ResourcePath.key("")).isEmpty();
    assertThat(ResourcePath.key("c328")).as("not UTF-8").isEmpty();
    assertThat(ResourcePath.key("31".repeat(2049))).as("longer than 2,048 bytes").isEmpty();
  }
}
