package io.compliancestreams.ingest.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.compliancestreams.devkit.AwsEmulator;
import io.compliancestreams.ingest.aws.AwsClients;
import io.compliancestreams.ingest.aws.AwsSettings;
import io.compliancestreams.ingest.aws.CallCounter;
import io.compliancestreams.ingest.collect.CollectContext;
import io.compliancestreams.ingest.collect.Collector;
import io.compliancestreams.schemas.avro.ResourceSnapshot;
import io.compliancestreams.schemas.avro.SnapshotSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** Helpers for collector tests against an emulator (moto) or a WireMock stand-in. */
public final class TestAws {

  /** The account moto answers for with its default credentials. */
  public static final String ACCOUNT = "123456789012";
  public static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");
  public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private static final ObjectMapper JSON = new ObjectMapper();

  private TestAws() {}

  public static AwsSettings settings(URI endpoint) {
    return AwsSettings.emulator(endpoint, StaticCredentialsProvider.create(
        AwsBasicCredentials.create(AwsEmulator.ACCESS_KEY_ID, AwsEmulator.SECRET_ACCESS_KEY)));
  }

  public static AwsClients clients(URI endpoint) {
    return AwsClients.create(settings(endpoint), AwsEmulator.REGION, new CallCounter());
  }

  public static CollectContext context(AwsClients clients) {
    return new CollectContext(ACCOUNT, clients.region(), clients, CLOCK, "scan-1", SnapshotSource.SCAN);
  }

  /** Everything {@code collector} emits in the clients' region. */
  public static List<ResourceSnapshot> collect(Collector collector, AwsClients clients) {
    List<ResourceSnapshot> out = new ArrayList<>();
    collector.collect(context(clients), out::add);
    return out;
  }

  public static Collector named(List<Collector> collectors, String name) {
    return collectors.stream().filter(c -> c.name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no collector " + name));
  }

  public static JsonNode configuration(ResourceSnapshot s) {
    return parse(s.getConfiguration());
  }

  public static JsonNode supplementary(ResourceSnapshot s, String name) {
    String value = s.getSupplementaryConfiguration().get(name);
    return value == null ? null : parse(value);
  }

  public static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
