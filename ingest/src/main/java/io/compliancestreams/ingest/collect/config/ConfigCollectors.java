package io.compliancestreams.ingest.collect.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.compliancestreams.ingest.aws.ApiJson;
import io.compliancestreams.ingest.collect.AccountFact;
import io.compliancestreams.ingest.collect.CollectContext;
import io.compliancestreams.ingest.collect.Collector;
import io.compliancestreams.ingest.collect.Collector.Coverage;
import io.compliancestreams.schemas.contract.ResourceTypes;
import java.util.List;
import software.amazon.awssdk.services.config.ConfigClient;

/** The AWS Config collectors, REGIONAL. */
public final class ConfigCollectors {

  /** One per account and region, emitted even with no recorder (both lists empty). */
  static final String RECORDER_STATUS = ResourceTypes.CONFIG_RECORDER_STATUS;

  private ConfigCollectors() {}

  public static List<Collector> all() {
    return List.of(recorderStatus());
  }

  /**
   * DescribeConfigurationRecorders and DescribeConfigurationRecorderStatus merged as
   * {@code {"ConfigurationRecorders": [...], "ConfigurationRecordersStatus": [...]}}, in the API's
   * JSON (recorder members camelCase, as AWS Config's API spells them).
   */
  static AccountFact recorderStatus() {
    return new AccountFact("config.recorder-status", RECORDER_STATUS, Coverage.REGIONAL,
        ConfigCollectors::readRecorders);
  }

  private static JsonNode readRecorders(CollectContext ctx) {
    ConfigClient config = ctx.clients().config();
    ObjectNode c = JsonNodeFactory.instance.objectNode();
    c.set("ConfigurationRecorders",
        ApiJson.ofList(config.describeConfigurationRecorders().configurationRecorders()));
    c.set("ConfigurationRecordersStatus",
        ApiJson.ofList(config.describeConfigurationRecorderStatus().configurationRecordersStatus()));
    return c;
  }
}
