package io.compliancestreams.sinks.s3;

import io.compliancestreams.sinks.runner.DeliveryException;
import java.util.List;
import java.util.Optional;

/**
 * Where audit objects go: an S3 bucket, or a local folder with the same key layout (the demo, and
 * anyone who wants the trail on a mounted volume). Keys are S3 keys ({@code a/b/c.jsonl.gz}).
 */
interface ObjectStore extends AutoCloseable {

  /** Writes (or rewrites, with the same content) one object. */
  void put(String key, byte[] content) throws DeliveryException;

  /** The object's content; empty when there is none. */
  Optional<byte[]> get(String key) throws DeliveryException;

  /** The keys that start with {@code prefix}. */
  List<String> list(String prefix) throws DeliveryException;

  @Override
  void close();
}
