package io.compliancestreams.streams.topology;

import io.compliancestreams.schemas.avro.RescanRequest;
import io.compliancestreams.schemas.contract.ResourceKey;
import io.compliancestreams.schemas.contract.ResourceTypes;
import io.compliancestreams.streams.cloudtrail.EventRouter;
import io.compliancestreams.streams.cloudtrail.EventTarget;
import io.compliancestreams.streams.cloudtrail.IdentifierKind;
import io.compliancestreams.streams.cloudtrail.TrailEvent;
import io.compliancestreams.streams.state.StateStores;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Maps one CloudTrail event to the resources it affects: a rescan request for each (so collectors
 * fetch the authoritative configuration), and for decisive calls a change addressed to the state
 * that owns the resource, re-keyed so it meets that state. Names and ARNs are resolved to resource
 * ids through the alias index.
 */
final class EventRoutingProcessor extends ContextualProcessor<String, TrailEvent, String, Routed> {

  private final EventRouter router;
  private final PracticeIndex practices;
  private ReadOnlyKeyValueStore<String, String> aliases;

  EventRoutingProcessor(EventRouter router, PracticeIndex practices) {
    this.router = router;
    this.practices = practices;
  }

  @Override
  public void init(ProcessorContext<String, Routed> context) {
    super.init(context);
    aliases = ResourceProcessor.readOnly(context.getStateStore(StateStores.ALIASES));
  }

  @Override
  public void process(Record<String, TrailEvent> record) {
    TrailEvent event = record.value();
    for (EventTarget target : router.route(event)) {
      String account = target.accountId() != null ? target.accountId() : event.recipientAccountId();
      if (account == null) {
        continue;
      }
      String resourceId = target.scopeLevel() ? null : resolve(account, target);
      String rescanKey = ResourceKey.rescan(account, target.region(), target.resourceType(), resourceId);
      RescanRequest rescan = RescanRequest.newBuilder()
          .setRequestId(RescanOrigin.requestId(event.eventId(), record.timestamp(),
              target.resourceType(), resourceId))
          .setAccountId(account)
          .setRegion(target.region())
          .setResourceType(target.resourceType())
          .setResourceId(resourceId != null ? resourceId : null)
          .setReason("cloudtrail:" + event.eventSource() + "/" + event.eventName()
              + " (practices " + target.practices() + ")")
          .setTriggerEventId(event.eventId())
          .setRequestedAt(event.eventTime())
          .build();
      context().forward(record.withKey(rescanKey).withValue(new Routed.Rescan(rescan)));
      // Decisive calls are re-evaluated where the state lives; the others travel there too, only to
      // be remembered as the resource's (or account's) most recent event: the probable cause of
      // what the rescan's snapshot will reveal.
      boolean decisive = target.decisive() && resourceId != null;
      Change change = decisive ? Change.event(event, rescanKey) : Change.note(event, rescanKey);
      if (resourceId != null && practices.readByResourcePractice(target.resourceType())) {
        context().forward(record.withKey(rescanKey).withValue(new Routed.ToResource(change)));
      }
      if (practices.readByScopePractice(target.resourceType())) {
        context().forward(record.withKey(account).withValue(new Routed.ToScope(change)));
      }
    }
  }

  /** The resource id for a target: ids as given, names and ARNs through the alias index. */
  private String resolve(String account, EventTarget target) {
    if (target.identifierKind() == IdentifierKind.ID) {
      return target.identifier();
    }
    String key = aliases.get(Aliases.key(account, target.resourceType(), target.identifier()));
    if (key != null) {
      return ResourceKey.parse(key).resourceId();
    }
    // Many types use the name as their id (S3 buckets, trails, functions); an ARN's last segment.
    if (target.identifierKind() == IdentifierKind.ARN) {
      String arn = target.identifier();
      int cut = Math.max(arn.lastIndexOf('/'), arn.lastIndexOf(':'));
      return target.resourceType().equals(ResourceTypes.S3_BUCKET) || cut < 0 ? arn.substring(arn.lastIndexOf(':') + 1) : arn.substring(cut + 1);
    }
    return target.identifier();
  }
}
