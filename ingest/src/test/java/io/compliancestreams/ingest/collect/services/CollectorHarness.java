package io.compliancestreams.ingest.collect.services;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.compliancestreams.ingest.aws.AwsClients;
import io.compliancestreams.ingest.aws.AwsSettings;
import io.compliancestreams.ingest.aws.CallCounter;
import io.compliancestreams.ingest.collect.CollectContext;
import io.compliancestreams.ingest.collect.Collector;
import io.compliancestreams.ingest.snapshot.SnapshotBuilder;
import io.compliancestreams.schemas.avro.ResourceSnapshot;
import io.compliancestreams.schemas.avro.SnapshotSource;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Runs a collector against an endpoint (moto or a WireMock stub) with a fixed clock, and gives the
 * snapshots it produced. One per test class; {@link #close()} closes the SDK clients.
 */
public final class CollectorHarness implements AutoCloseable {

  /** moto's default account. */
  public static final String ACCOUNT = "123456789012";
  public static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");
  public static final String SCAN = "scan-1";

  private final AwsClients clients;

  public CollectorHarness(URI endpoint, String region) {
    this.clients = AwsClients.create(
        AwsSettings.emulator(endpoint, StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"))),
        region, new CallCounter());
  }

  /** The clients of the harness's region (to create resources with). */
  public AwsClients clients() {
    return clients;
  }

  /** Everything the collector emits in the given region. */
  public List<ResourceSnapshot> collect(Collector collector, String region) {
    AwsClients regional = region.equals(clients.region()) ? clients : clients.inRegion(region);
    CollectContext context = new CollectContext(ACCOUNT, region, regional,
        Clock.fixed(NOW, ZoneOffset.UTC), SCAN, SnapshotSource.SCAN);
    List<ResourceSnapshot> out = new ArrayList<>();
    collector.collect(context, out::add);
    return out;
  }

  public List<ResourceSnapshot> collect(Collector collector) {
    return collect(collector, clients.region());
  }

  public static JsonNode json(String text) {
    try {
      return SnapshotBuilder.JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    clients.close();
  }
}
