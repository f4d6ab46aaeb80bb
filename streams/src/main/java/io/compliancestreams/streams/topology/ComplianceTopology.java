package io.compliancestreams.streams.topology;

import io.compliancestreams.schemas.AvroSerdes;
import io.compliancestreams.schemas.SerdeConfig;
import io.compliancestreams.streams.cloudtrail.EventPatches;
import io.compliancestreams.streams.practices.ConfigurationItem;
import io.compliancestreams.streams.practices.Practice;
import io.compliancestreams.streams.state.JsonSerde;
import io.compliancestreams.streams.state.StateStores;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;

/**
 * Builds the topology and does nothing else (see docs/streams.md for the diagram):
 *
 * <ol>
 *   <li>snapshots → decode (failures to the DLQ) → resource state (resource-scoped practices) and,
 *       re-keyed by account, → scope aggregate (account- and region-scoped practices);
 *   <li>CloudTrail events → decode → drop failed/read-only calls and duplicates → route to the
 *       affected resources → rescan requests, and decisive changes to the owning state;
 *   <li>deltas, finding state, rescans and aliases to their topics.
 * </ol>
 */
public final class ComplianceTopology {

  private final StreamsSettings settings;
  private final PracticeIndex practices;
  private final EventPatches patches;

  public ComplianceTopology(StreamsSettings settings, List<Practice> practices) {
    this.settings = settings;
    this.practices = new PracticeIndex(practices);
    this.patches = new EventPatches();
  }

  public Topology build() {
    Topics topics = settings.topics();
    SerdeConfig serdes = settings.serdeConfig();
    StreamsBuilder builder = new StreamsBuilder();
    builder.addStateStore(StateStores.resourceState());
    builder.addStateStore(StateStores.rechecks(StateStores.RESOURCE_RECHECKS));
    builder.addStateStore(StateStores.scopeItems());
    builder.addStateStore(StateStores.scopeState());
    builder.addStateStore(StateStores.scopeDirty());
    builder.addStateStore(StateStores.rechecks(StateStores.SCOPE_RECHECKS));
    var suppressionSerde = AvroSerdes.suppression(serdes);
    builder.addGlobalStore(StateStores.suppressions(), topics.suppressions(),
        Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("suppressions-source"),
        () -> new SuppressionLoader(suppressionSerde.deserializer()));
    builder.addGlobalStore(StateStores.aliases(), topics.aliases(),
        Consumed.with(Serdes.String(), Serdes.String()).withName("aliases-source"),
        AliasLoader::new);

    KStream<String, Decoded<ConfigurationItem>> decoded = builder
        .stream(topics.snapshots(), Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("snapshots-source"))
        .processValues(() -> new SnapshotDecoder(AvroSerdes.resourceSnapshot(serdes).deserializer(), practices),
            Named.as("snapshots-decode"));
    deadLetters(decoded, topics.snapshots(), "snapshots");
    KStream<String, Change> snapshots = decoded
        .filter((k, v) -> !v.failed(), Named.as("snapshots-valid"))
        .mapValues(v -> Change.snapshot(v.value()), Named.as("snapshots-as-changes"));

    KStream<String, Change> resourceChanges = snapshots
        .filter((k, c) -> practices.readByResourcePractice(c.item().resourceType()), Named.as("resource-snapshots"));
    KStream<String, Change> scopeChanges = snapshots
        .filter((k, c) -> practices.readByScopePractice(c.item().resourceType()), Named.as("scope-snapshots"))
        .selectKey((k, c) -> c.item().accountId(), Named.as("scope-by-account"));

    JsonSerde<Change> changeSerde = new JsonSerde<>(Change.class);
    KStream<String, Output> resourceOutputs = resourceChanges.process(
        () -> new ResourceProcessor(practices, patches, settings.recheckPoll()),
        Named.as("resource-state-processor"),
        StateStores.RESOURCE_STATE, StateStores.RESOURCE_RECHECKS);
    KStream<String, Output> scopeOutputs = scopeChanges
        .repartition(Repartitioned.with(Serdes.String(), changeSerde)
            .withName("scope-input").withNumberOfPartitions(settings.partitions()))
        .process(() -> new ScopeProcessor(practices, patches, settings.recheckPoll(), settings.scopeDebounce()),
            Named.as("scope-state-processor"),
            StateStores.SCOPE_ITEMS, StateStores.SCOPE_STATE, StateStores.SCOPE_DIRTY,
            StateStores.SCOPE_RECHECKS);

    route(resourceOutputs.merge(scopeOutputs, Named.as("outputs")), topics, serdes);
    return builder.build();
  }

  private static <T> void deadLetters(KStream<String, Decoded<T>> decoded, String topic, String name) {
    decoded.filter((k, v) -> v.failed(), Named.as(name + "-failed"))
        .mapValues(Decoded::raw, Named.as(name + "-raw"))
        .to(Topics.dlq(topic), Produced.with(Serdes.String(), Serdes.ByteArray()).withName(name + "-dlq"));
  }

  private static void route(KStream<String, Output> outputs, Topics topics, SerdeConfig serdes) {
    outputs.filter((k, o) -> o instanceof Output.DeltaOut, Named.as("deltas"))
        .mapValues(o -> ((Output.DeltaOut) o).delta(), Named.as("deltas-values"))
        .to(topics.deltas(), Produced.with(Serdes.String(), AvroSerdes.findingDelta(serdes)).withName("deltas-sink"));
    outputs.filter((k, o) -> o instanceof Output.StateOut, Named.as("states"))
        .mapValues(o -> ((Output.StateOut) o).finding(), Named.as("states-values"))
        .to(topics.findingState(), Produced.with(Serdes.String(), AvroSerdes.finding(serdes)).withName("states-sink"));
    outputs.filter((k, o) -> o instanceof Output.AliasOut, Named.as("aliases"))
        .mapValues(o -> ((Output.AliasOut) o).resourceKey(), Named.as("aliases-values"))
        .to(topics.aliases(), Produced.with(Serdes.String(), Serdes.String()).withName("aliases-sink"));
    outputs.filter((k, o) -> o instanceof Output.RescanOut, Named.as("rescans"))
        .mapValues(o -> ((Output.RescanOut) o).request(), Named.as("rescans-values"))
        .to(topics.rescans(), Produced.with(Serdes.String(), AvroSerdes.rescanRequest(serdes)).withName("rescans-sink"));
  }
}
