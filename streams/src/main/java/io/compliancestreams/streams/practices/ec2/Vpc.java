package io.compliancestreams.streams.practices.ec2;

import io.compliancestreams.streams.practices.ConfigurationItem;
import io.compliancestreams.streams.practices.ItemReader;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * An {@value Ec2Types#VPC} item with the DescribeFlowLogs entries our collector adds as the
 * {@value Ec2Types#FLOW_LOGS_SUPPLEMENTARY} supplementary configuration.
 */
record Vpc(ConfigurationItem item, ItemReader config) {

  /** One DescribeFlowLogs entry. */
  static final class FlowLog {
    private final ItemReader entry;
    private final int index;

    private FlowLog(ItemReader entry, int index) {
      this.entry = entry;
      this.index = index;
    }

    /** The VPC, subnet or ENI the log is on; empty when not recorded. */
    Optional<String> resourceId() {
      return entry.field("ResourceId").text();
    }

    String id() {
      return entry.field("FlowLogId").text().orElse("flow log #" + index);
    }

    /** ACCEPT, REJECT or ALL. */
    String trafficType() {
      return entry.field("TrafficType").requiredText();
    }

    String status() {
      return entry.field("FlowLogStatus").text().orElse("ACTIVE");
    }

    String destinationType() {
      return entry.field("LogDestinationType").text().orElse("cloud-watch-logs");
    }
  }

  static Vpc of(ConfigurationItem item) {
    return new Vpc(item, ItemReader.configuration(item).requiredObject());
  }

  boolean isDefault() {
    return config.field("isDefault").lenientBool().orElse(false);
  }

  /**
   * The flow logs. Without the supplementary value the VPC cannot be judged: "not collected" must
   * not read as "no flow log".
   */
  List<FlowLog> flowLogs() {
    ItemReader logs = ItemReader.supplementary(item, Ec2Types.FLOW_LOGS_SUPPLEMENTARY);
    if (!logs.isPresent()) {
      throw logs.malformed(
          "is missing: the VPC snapshot must carry the DescribeFlowLogs entries of the VPC");
    }
    List<ItemReader> entries = logs.list();
    return IntStream.range(0, entries.size())
        .mapToObj(i -> new FlowLog(entries.get(i), i))
        .toList();
  }
}
