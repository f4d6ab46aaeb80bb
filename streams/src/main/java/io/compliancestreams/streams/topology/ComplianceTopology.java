package io.compliancestreams.streams.topology;

import io.compliancestreams.schemas.AvroSerdes;
import io.compliancestreams.schemas.avro.FindingDelta;
import io.compliancestreams.schemas.SerdeConfig;
import io.compliancestreams.streams.cloudtrail.EventRelevance;
import io.compliancestreams.streams.cloudtrail.EventRouter;
import io.compliancestreams.streams.cloudtrail.TrailEvent;
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
 *   <li>deltas, finding state, rescans and aliases to their topics;
 *   <li>deltas read back → each finding's recent history (for its page) and the failing count
 *       per minute (for the posture over time).
 * </ol>
 */
public final class ComplianceTopology {

  private final StreamsSettings settings;
  private final PracticeIndex practices;
  private final Patcher patches;
  private final List<Practice> allPractices;

  public ComplianceTopology(StreamsSettings settings, List<Practice> practices) {
    this.settings = settings;
    this.practices = new PracticeIndex(practices);
    this.allPractices = List.copyOf(practices);
    this.patches = io.compliancestreams.streams.cloudtrail.EventPatches::apply;
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
    builder.addStateStore(StateStores.seenEvents());
    builder.addStateStore(StateStores.recentEvents(StateStores.RECENT_EVENTS));
    builder.addStateStore(StateStores.recentEvents(StateStores.SCOPE_RECENT_EVENTS));
    var suppressionSerde = AvroSerdes.suppression(serdes);
    builder.addGlobalStore(StateStores.suppressions(), topics.suppressions(),
        Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("suppressions-source"),
        () -> new SuppressionLoader(suppressionSerde.deserializer()));
    builder.addGlobalStore(StateStores.aliases(), topics.aliases(),
        Consumed.with(Serdes.String(), Serdes.String()).withName("aliases-source"),
        AliasLoader::new);

    KStream<String, Decoded<Change>> decoded = builder
        .stream(topics.snapshots(), Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("snapshots-source"))
        .processValues(() -> new SnapshotDecoder(AvroSerdes.resourceSnapshot(serdes).deserializer(), practices),
            Named.as("snapshots-decode"), StateStores.RESOURCE_STATE);
    DeadLetters.route(decoded, topics.snapshots(), "snapshots");
    KStream<String, Change> snapshots = decoded
        .filter((k, v) -> !v.failed(), Named.as("snapshots-valid"))
        .mapValues(Decoded::value, Named.as("snapshots-as-changes"));

    // A touch (unchanged or older snapshot, see SnapshotDecoder) only moves the stored header; it
    // never crosses the account repartition.
    KStream<String, Change> resourceChanges = snapshots
        .filter((k, c) -> c.touchOnly() || practices.readByResourcePractice(c.item().resourceType()),
            Named.as("resource-snapshots"));
    KStream<String, Change> scopeChanges = snapshots
        .filter((k, c) -> c.isSnapshot() && practices.readByScopePractice(c.item().resourceType()),
            Named.as("scope-snapshots"))
        .selectKey((k, c) -> c.item().accountId(), Named.as("scope-by-account"));

    // Outputs are checked against OutputLimit before they are sent (see OversizeRecordHandler).
    var changeSerde = OutputLimit.of(new JsonSerde<>(Change.class));
    KStream<String, Routed> routed = events(builder, topics, serdes);
    KStream<String, Change> resourceEvents = routed
        .filter((k, r) -> r instanceof Routed.ToResource, Named.as("events-to-resources"))
        .mapValues(r -> ((Routed.ToResource) r).change(), Named.as("events-resource-changes"))
        .repartition(Repartitioned.with(Serdes.String(), changeSerde)
            .withName("resource-events").withNumberOfPartitions(settings.partitions()));
    KStream<String, Change> scopeEvents = routed
        .filter((k, r) -> r instanceof Routed.ToScope, Named.as("events-to-scopes"))
        .mapValues(r -> ((Routed.ToScope) r).change(), Named.as("events-scope-changes"));
    routed.filter((k, r) -> r instanceof Routed.Rescan, Named.as("events-rescans"))
        .mapValues(r -> ((Routed.Rescan) r).request(), Named.as("events-rescan-values"))
        .to(topics.rescans(), Produced.with(Serdes.String(), OutputLimit.of(AvroSerdes.rescanRequest(serdes))).withName("rescans-sink"));

    KStream<String, Output> resourceOutputs = resourceChanges.merge(resourceEvents, Named.as("resource-inputs")).process(
        () -> new ResourceProcessor(practices, patches, settings.recheckPoll(), settings.attributionWindow()),
        Named.as("resource-state-processor"),
        StateStores.RESOURCE_STATE, StateStores.RESOURCE_RECHECKS, StateStores.RECENT_EVENTS);
    KStream<String, Output> scopeOutputs = scopeChanges.merge(scopeEvents, Named.as("scope-inputs"))
        .repartition(Repartitioned.with(Serdes.String(), changeSerde)
            .withName("scope-input").withNumberOfPartitions(settings.partitions()))
        .process(() -> new ScopeProcessor(practices, patches, settings.recheckPoll(), settings.scopeDebounce(),
                settings.attributionWindow()),
            Named.as("scope-state-processor"),
            StateStores.SCOPE_ITEMS, StateStores.SCOPE_STATE, StateStores.SCOPE_DIRTY,
            StateStores.SCOPE_RECHECKS, StateStores.SCOPE_RECENT_EVENTS);

    route(resourceOutputs.merge(scopeOutputs, Named.as("outputs")), topics, serdes);
    history(builder, topics, serdes);
    return builder.build();
  }

  /** CloudTrail events: decode (failures to the DLQ), drop failed/read-only calls and duplicates, route. */
  private KStream<String, Routed> events(StreamsBuilder builder, Topics topics, SerdeConfig serdes) {
    KStream<String, Decoded<TrailEvent>> decoded = builder
        .stream(topics.cloudTrail(), Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("events-source"))
        .processValues(() -> new EventDecoder(AvroSerdes.cloudTrailEvent(serdes).deserializer()),
            Named.as("events-decode"));
    DeadLetters.route(decoded, topics.cloudTrail(), "events");
    EventRouter router = new EventRouter(allPractices);
    return decoded
        .filter((k, v) -> !v.failed(), Named.as("events-valid"))
        .mapValues(Decoded::value, Named.as("events-values"))
        .filter((k, e) -> EventRelevance.ignoredBecause(e).isEmpty(), Named.as("events-relevant"))
        .processValues(() -> new EventDeduplicator(settings.eventDedupeWindow()),
            Named.as("events-dedupe"), StateStores.SEEN_EVENTS)
        .process(() -> new EventRoutingProcessor(router, practices), Named.as("events-route"));
  }

  /**
   * Each finding's recent deltas for its page, and the posture trend, read back from the delta
   * topic: keyed by finding id there, so the history of one finding is in one partition and found
   * by its id.
   */
  private static void history(StreamsBuilder builder, Topics topics, SerdeConfig serdes) {
    builder.addStateStore(StateStores.findingHistory());
    builder.addStateStore(StateStores.postureTrend());
    builder.addStateStore(StateStores.postureTrendMembers());
    var deltas = AvroSerdes.findingDelta(serdes);
    KStream<String, FindingDelta> read = builder.stream(topics.deltas(),
            Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("history-source"))
        .process(() -> new DeltaReadBack(deltas.deserializer()), Named.as("history-decode"));
    read.process(FindingHistoryRecorder::new, Named.as("history-recorder"), StateStores.FINDING_HISTORY);
    // The failing count per minute for the posture-over-time chart, from the same deltas.
    read.process(PostureTrendRecorder::new, Named.as("trend-recorder"),
        StateStores.POSTURE_TREND, StateStores.POSTURE_TREND_MEMBERS);
  }

  private static void route(KStream<String, Output> outputs, Topics topics, SerdeConfig serdes) {
    outputs.filter((k, o) -> o instanceof Output.DeltaOut, Named.as("deltas"))
        .mapValues(o -> ((Output.DeltaOut) o).delta(), Named.as("deltas-values"))
        .to(topics.deltas(), Produced.with(Serdes.String(), OutputLimit.of(AvroSerdes.findingDelta(serdes))).withName("deltas-sink"));
    outputs.filter((k, o) -> o instanceof Output.StateOut, Named.as("states"))
        .mapValues(o -> ((Output.StateOut) o).finding(), Named.as("states-values"))
        .to(topics.findingState(), Produced.with(Serdes.String(), OutputLimit.of(AvroSerdes.finding(serdes))).withName("states-sink"));
    outputs.filter((k, o) -> o instanceof Output.AliasOut, Named.as("aliases"))
        .mapValues(o -> ((Output.AliasOut) o).resourceKey(), Named.as("aliases-values"))
        .to(topics.aliases(), Produced.with(Serdes.String(), OutputLimit.of(Serdes.String())).withName("aliases-sink"));
  }
}
