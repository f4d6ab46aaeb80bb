package io.compliancestreams.ingest.aws;

import software.amazon.awssdk.awscore.AwsExecutionAttribute;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.regions.Region;

/**
 * Puts the operation and region in front of a service error's message ("ListUsers in us-east-1:
 * User ... is not authorized ..."), because the SDK's message names only the service, and a scan
 * report of an AccessDenied must say which call was denied where. The exception keeps its type
 * (toBuilder), so collectors still catch {@code NoSuchEntityException} and friends. A client-side
 * failure (no answer within the call timeout, connection refused) also gets the endpoint.
 */
final class OperationInErrors implements ExecutionInterceptor {

  @Override
  public Throwable modifyException(Context.FailedExecution context, ExecutionAttributes attributes) {
    String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    Region region = attributes.getAttribute(AwsExecutionAttribute.AWS_REGION);
    if (context.exception() instanceof SdkClientException e) {
      // No answer (a call or attempt timeout, a refused connection): say which endpoint did not
      // answer, so the one line a user sees names what is unreachable.
      String endpoint = context.httpRequest()
          .map(r -> " at " + r.protocol() + "://" + r.host() + ":" + r.port()).orElse("");
      return e.toBuilder().message(operation + " in " + (region == null ? "?" : region.id()) + endpoint + ": "
          + e.getMessage()).build();
    }
    if (!(context.exception() instanceof AwsServiceException e)) {
      return context.exception();
    }
    String original = e.awsErrorDetails() != null && e.awsErrorDetails().errorMessage() != null
        ? e.awsErrorDetails().errorMessage() : "";
    String prefix = operation + " in " + (region == null ? "?" : region.id());
    return e.toBuilder().message(prefix + ": " + original).build();
  }
}
