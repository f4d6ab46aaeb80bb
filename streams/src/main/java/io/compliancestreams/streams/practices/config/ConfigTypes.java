package io.compliancestreams.streams.practices.config;

import io.compliancestreams.schemas.contract.ResourceTypes;

/** The snapshot types the AWS Config practice reads. */
public final class ConfigTypes {

  /**
   * Extension: the configuration recorders of one account and region and their status. One item
   * per account×region (resourceId = the account id), present even when there is no recorder.
   * Configuration: {@code {"ConfigurationRecorders": [...], "ConfigurationRecordersStatus": [...]}}
   * from DescribeConfigurationRecorders and DescribeConfigurationRecorderStatus.
   */
  public static final String RECORDER_STATUS = ResourceTypes.CONFIG_RECORDER_STATUS;

  private ConfigTypes() {}
}
