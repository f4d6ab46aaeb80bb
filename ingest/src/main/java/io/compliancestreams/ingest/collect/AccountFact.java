package io.compliancestreams.ingest.collect;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A collector for a fact about the whole account (GLOBAL, region {@code global}) or the whole
 * account in one region (REGIONAL): one snapshot per scope whose resourceId is the account id, and
 * which exists even when the thing is absent (the reader returns "nothing there" as a value, such
 * as {@code {"PasswordPolicy": null}}), so that absence can fail. Declared, not subclassed:
 * {@code new AccountFact("iam.password-policy", TYPE, GLOBAL, ctx -> ...)}.
 *
 * @param name the collector name
 * @param resourceType the snapshot type
 * @param coverage GLOBAL or REGIONAL
 * @param reader reads the configuration JSON in the context's account (and region)
 */
public record AccountFact(
    String name, String resourceType, Coverage coverage, Function<CollectContext, JsonNode> reader)
    implements Collector {

  /** The snapshot region of account-wide facts, as AWS Config records global resources. */
  public static final String GLOBAL_REGION = "global";

  public AccountFact {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(resourceType, "resourceType");
    Objects.requireNonNull(coverage, "coverage");
    Objects.requireNonNull(reader, "reader");
  }

  @Override
  public List<String> resourceTypes() {
    return List.of(resourceType);
  }

  @Override
  public void collect(CollectContext context, SnapshotSink sink) {
    JsonNode configuration = reader.apply(context);
    String region = coverage == Coverage.GLOBAL ? GLOBAL_REGION : context.region();
    sink.accept(context.snapshot(region, resourceType, context.accountId())
        .configuration(configuration)
        .build());
  }
}
