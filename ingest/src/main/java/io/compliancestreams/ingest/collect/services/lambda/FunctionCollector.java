package io.compliancestreams.ingest.collect.services.lambda;

import static io.compliancestreams.schemas.contract.ResourceTypes.LAMBDA_FUNCTION;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.compliancestreams.ingest.collect.CollectContext;
import io.compliancestreams.ingest.collect.Collector;
import io.compliancestreams.ingest.collect.SnapshotSink;
import io.compliancestreams.ingest.collect.services.JsonFields;
import java.util.List;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.Layer;

/**
 * {@code AWS::Lambda::Function} (practice 24) from ListFunctions ({@code $LATEST} only, as AWS
 * Config records functions), in AWS Config's camelCase shape with absent fields left out (an image
 * function has no {@code runtime} or {@code handler}). The runtime is {@code runtimeAsString()}, so
 * a runtime newer than this SDK is kept verbatim instead of becoming UNKNOWN_TO_SDK_VERSION.
 * Environment variables are deliberately not copied: they often hold secrets and no practice
 * reads them. Convention, as AWS Config records it: resourceId is the function NAME.
 */
final class FunctionCollector implements Collector {

  private final int pageSize;

  FunctionCollector(int pageSize) {
    this.pageSize = pageSize;
  }

  @Override
  public String name() {
    return "lambda.functions";
  }

  @Override
  public List<String> resourceTypes() {
    return List.of(LAMBDA_FUNCTION);
  }

  @Override
  public Coverage coverage() {
    return Coverage.REGIONAL;
  }

  @Override
  public void collect(CollectContext context, SnapshotSink sink) {
    context.clients().lambda().listFunctionsPaginator(r -> r.maxItems(pageSize)).functions()
        .forEach(f -> sink.accept(context.snapshot(context.region(), LAMBDA_FUNCTION, f.functionName())
            .arn(f.functionArn())
            .name(f.functionName())
            .configuration(configuration(f))
            .build()));
  }

  static ObjectNode configuration(FunctionConfiguration f) {
    ObjectNode c = JsonFields.object();
    JsonFields.putPresent(c, "functionName", f.functionName());
    JsonFields.putPresent(c, "functionArn", f.functionArn());
    JsonFields.putPresent(c, "runtime", f.runtimeAsString());
    JsonFields.putPresent(c, "role", f.role());
    JsonFields.putPresent(c, "handler", f.handler());
    JsonFields.putPresent(c, "codeSize", f.codeSize());
    JsonFields.putPresent(c, "description", f.description());
    JsonFields.putPresent(c, "timeout", f.timeout());
    JsonFields.putPresent(c, "memorySize", f.memorySize());
    JsonFields.putPresent(c, "lastModified", f.lastModified());
    JsonFields.putPresent(c, "codeSha256", f.codeSha256());
    JsonFields.putPresent(c, "version", f.version());
    if (f.vpcConfig() != null) {
      ObjectNode vpc = c.putObject("vpcConfig");
      vpc.set("subnetIds", JsonFields.strings(f.vpcConfig().subnetIds()));
      vpc.set("securityGroupIds", JsonFields.strings(f.vpcConfig().securityGroupIds()));
      JsonFields.putPresent(vpc, "vpcId", f.vpcConfig().vpcId());
    }
    if (f.tracingConfig() != null) {
      c.putObject("tracingConfig").put("mode", f.tracingConfig().modeAsString());
    }
    JsonFields.putPresent(c, "revisionId", f.revisionId());
    ArrayNode layers = c.putArray("layers");
    for (Layer layer : f.layers()) {
      ObjectNode l = layers.addObject().put("arn", layer.arn());
      JsonFields.putPresent(l, "codeSize", layer.codeSize());
    }
    JsonFields.putPresent(c, "kmsKeyArn", f.kmsKeyArn());
    JsonFields.putPresent(c, "state", f.stateAsString());
    JsonFields.putPresent(c, "lastUpdateStatus", f.lastUpdateStatusAsString());
    JsonFields.putPresent(c, "packageType", f.packageTypeAsString());
    c.set("architectures", JsonFields.strings(f.architecturesAsStrings()));
    if (f.ephemeralStorage() != null) {
      c.putObject("ephemeralStorage").put("size", f.ephemeralStorage().size());
    }
    if (f.imageConfigResponse() != null && f.imageConfigResponse().imageConfig() != null) {
      var image = f.imageConfigResponse().imageConfig();
      ObjectNode config = c.putObject("imageConfigResponse").putObject("imageConfig");
      if (image.hasCommand()) {
        config.set("command", JsonFields.strings(image.command()));
      }
      if (image.hasEntryPoint()) {
        config.set("entryPoint", JsonFields.strings(image.entryPoint()));
      }
      JsonFields.putPresent(config, "workingDirectory", image.workingDirectory());
    }
    return c;
  }
}
