package io.compliancestreams.ingest.collect.services.lambda;

import static io.compliancestreams.ingest.collect.services.CollectorHarness.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;

import io.compliancestreams.ingest.collect.services.CollectorHarness;
import io.compliancestreams.ingest.collect.services.MotoTestBase;
import io.compliancestreams.ingest.collect.services.SnapshotAssert;
import io.compliancestreams.schemas.avro.ResourceSnapshot;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.PackageType;

/** The Lambda function collector against a real moto server. */
class LambdaCollectorsMotoTest extends MotoTestBase {

  private String role;

  @BeforeEach
  void createRole() {
    role = harness.clients().iam().createRole(r -> r.roleName("orders-api-role").assumeRolePolicyDocument("""
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},
        "Action":"sts:AssumeRole"}]}""")).role().arn();
  }

  @Test
  void shouldCollectZipFunctionsByNameWithTheirRuntimeString() {
    var lambda = harness.clients().lambda();
    lambda.createFunction(r -> r.functionName("orders-api").runtime("python3.12").role(role).handler("app.handler")
        .code(c -> c.zipFile(zip())).timeout(30).memorySize(256).description(""));

    List<ResourceSnapshot> snapshots = harness.collect(new FunctionCollector(50));

    assertThat(snapshots).hasSize(1);
    String arn = "arn:aws:lambda:us-east-1:" + ACCOUNT + ":function:orders-api";
    ResourceSnapshot s = snapshots.get(0);
    SnapshotAssert.envelope(s, "AWS::Lambda::Function", "orders-api", REGION, arn, "orders-api");
    var config = CollectorHarness.json(s.getConfiguration());
    assertThat(config.get("functionName").textValue()).isEqualTo("orders-api");
    assertThat(config.get("functionArn").textValue()).isEqualTo(arn);
    assertThat(config.get("runtime").textValue()).isEqualTo("python3.12");
    assertThat(config.get("handler").textValue()).isEqualTo("app.handler");
    assertThat(config.get("role").textValue()).isEqualTo(role);
    assertThat(config.get("packageType").textValue()).isEqualTo("Zip");
    assertThat(config.get("timeout").intValue()).isEqualTo(30);
    assertThat(config.get("memorySize").intValue()).isEqualTo(256);
    assertThat(config.has("environment")).isFalse();
  }

  @Test
  void shouldKeepARuntimeTheSdkDoesNotKnowVerbatim() {
    harness.clients().lambda().createFunction(r -> r.functionName("next-gen").runtime("python9.99").role(role)
        .handler("app.handler").code(c -> c.zipFile(zip())));

    var config = CollectorHarness.json(only(harness.collect(new FunctionCollector(50)), "next-gen").getConfiguration());

    assertThat(config.get("runtime").textValue()).isEqualTo("python9.99");
  }

  @Test
  void shouldCollectImageFunctionsWithoutRuntime() {
    harness.clients().lambda().createFunction(r -> r.functionName("ml-inference").packageType(PackageType.IMAGE)
        .role(role).code(c -> c.imageUri(ACCOUNT + ".dkr.ecr.us-east-1.amazonaws.com/ml-inference:latest")));

    var config = CollectorHarness.json(only(harness.collect(new FunctionCollector(50)), "ml-inference")
        .getConfiguration());

    assertThat(config.get("packageType").textValue()).isEqualTo("Image");
    assertThat(config.has("runtime")).isFalse();
  }

  private static SdkBytes zip() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("app.py"));
      zip.write("def handler(event, context):\n    return event\n".getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return SdkBytes.fromByteArray(bytes.toByteArray());
  }
}
