package io.compliancestreams.sinks.s3;

import io.compliancestreams.sinks.runner.DeliveryException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Audit objects in an S3 (or S3-compatible) bucket. */
final class S3ObjectStore implements ObjectStore {

  private final S3Client s3;
  private final String bucket;

  S3ObjectStore(S3Client s3, String bucket) {
    this.s3 = s3;
    this.bucket = bucket;
  }

  @Override
  public void put(String key, byte[] content) throws DeliveryException {
    try {
      s3.putObject(PutObjectRequest.builder().bucket(bucket).key(key).contentType("application/gzip").build(),
          RequestBody.fromBytes(content));
    } catch (SdkException e) {
      throw failure("upload of " + key, e);
    }
  }

  @Override
  public Optional<byte[]> get(String key) throws DeliveryException {
    try {
      return Optional.of(s3.getObjectAsBytes(GetObjectRequest.builder().bucket(bucket).key(key).build())
          .asByteArray());
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    } catch (SdkException e) {
      throw failure("download of " + key, e);
    }
  }

  @Override
  public List<String> list(String prefix) throws DeliveryException {
    List<String> keys = new ArrayList<>();
    try {
      for (S3Object existing : s3.listObjectsV2Paginator(
          ListObjectsV2Request.builder().bucket(bucket).prefix(prefix).build()).contents()) {
        keys.add(existing.key());
      }
    } catch (SdkException e) {
      throw failure("listing " + prefix, e);
    }
    return keys;
  }

  private static DeliveryException failure(String what, SdkException e) {
    // Access denied or a missing bucket will not heal by themselves, but the runner cannot
    // dead-letter a flush either: it keeps retrying, and the label tells the operator.
    if (e instanceof S3Exception s3e && s3e.statusCode() >= 400 && s3e.statusCode() < 500
        && s3e.statusCode() != 408 && s3e.statusCode() != 429) {
      return DeliveryException.permanent(what + " rejected: " + e.getMessage(), e);
    }
    return DeliveryException.retryable(what + " failed: " + e.getMessage(), e);
  }

  @Override
  public void close() {
    s3.close();
  }
}
