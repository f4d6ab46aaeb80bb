package io.compliancestreams.streams.practices.config;

import io.compliancestreams.streams.practices.ConfigurationItem;
import io.compliancestreams.streams.practices.ItemReader;
import java.util.List;
import java.util.Optional;

/**
 * A {@value ConfigTypes#RECORDER_STATUS} snapshot: DescribeConfigurationRecorders and
 * DescribeConfigurationRecorderStatus of one region. Paths carry the snapshot's key: the region
 * scope may hold several copies.
 */
final class RecorderStatus {

  /** One configuration recorder with its status entry (matched by name). */
  static final class Recorder {
    private final ItemReader recorder;
    private final List<ItemReader> statuses;

    private Recorder(ItemReader recorder, List<ItemReader> statuses) {
      this.recorder = recorder;
      this.statuses = statuses;
    }

    String name() {
      return present(recorder.field("name")).orElseThrow(() -> recorder.field("name").malformed("is missing"));
    }

    /** The recorder's DescribeConfigurationRecorderStatus entry, if there is one. */
    Optional<Status> status() {
      String name = name();
      for (ItemReader status : statuses) {
        ItemReader statusName = status.field("name");
        if (name.equals(present(statusName).orElseThrow(() -> statusName.malformed("is missing")))) {
          return Optional.of(new Status(status));
        }
      }
      return Optional.empty();
    }

    /** Set for service-linked recorders (which always use the service-linked role). */
    boolean serviceLinked() {
      return present(recorder.field("servicePrincipal")).isPresent();
    }

    Optional<String> roleArn() {
      return present(recorder.field("roleARN"));
    }

    /**
     * Whether the recording group records this type: all supported types, an inclusion list that
     * names it, or an exclusion list that does not.
     */
    boolean records(String type) {
      ItemReader group = recorder.field("recordingGroup");
      if (!group.isPresent()) {
        return false;
      }
      if (group.node().path("allSupported").isBoolean() && group.node().path("allSupported").booleanValue()) {
        return true;
      }
      Optional<String> strategy = present(group.field("recordingStrategy").field("useOnly"));
      if (strategy.filter("EXCLUSION_BY_RESOURCE_TYPES"::equals).isPresent()) {
        return !names(group.field("exclusionByResourceTypes").field("resourceTypes")).contains(type);
      }
      return names(group.field("resourceTypes")).contains(type);
    }

    private static List<String> names(ItemReader array) {
      return array.list().stream().map(n -> n.node().asText()).toList();
    }
  }

  /** One DescribeConfigurationRecorderStatus entry. */
  static final class Status {
    private final ItemReader status;

    private Status(ItemReader status) {
      this.status = status;
    }

    boolean recording() {
      return status.field("recording").bool().orElse(false);
    }

    /** Pending, Success or Failure. */
    Optional<String> lastStatus() {
      return present(status.field("lastStatus"));
    }

    Optional<String> lastErrorCode() {
      return present(status.field("lastErrorCode"));
    }
  }

  private final ItemReader config;

  private RecorderStatus(ConfigurationItem item) {
    this.config = ItemReader.keyedConfiguration(item);
  }

  static RecorderStatus of(ConfigurationItem item) {
    return new RecorderStatus(item);
  }

  /** The recorders, in the API's order; empty when the region has none. */
  List<Recorder> recorders() {
    List<ItemReader> statuses = config.field("ConfigurationRecordersStatus").list();
    return config.field("ConfigurationRecorders").list().stream()
        .map(r -> new Recorder(r, statuses))
        .toList();
  }

  /** A string that is not blank: the recorder API sends "" for some unset members. */
  private static Optional<String> present(ItemReader field) {
    return field.text().filter(s -> !s.isBlank());
  }
}
