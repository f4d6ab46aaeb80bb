package io.compliancestreams.streams.practices.s3;

import io.compliancestreams.streams.practices.Practice;
import io.compliancestreams.streams.practices.cloudtrail.MultiRegionTrailEnabled;
import io.compliancestreams.streams.practices.cloudtrail.TrailEncryptedWithKms;
import io.compliancestreams.streams.practices.cloudtrail.TrailLogFileValidationEnabled;
import io.compliancestreams.streams.practices.config.ConfigRecorderEnabled;
import java.util.List;

/** Practices 9 to 15 (S3, CloudTrail, AWS Config), in number order, for the catalogue. */
public final class S3CloudTrailConfigPractices {

  private S3CloudTrailConfigPractices() {}

  public static List<Practice> all() {
    return List.of(
        new AccountBlockPublicAccessEnabled(),
        new BucketDefaultEncryptionEnabled(),
        new BucketBlockPublicAccessEnabled(),
        new MultiRegionTrailEnabled(),
        new TrailEncryptedWithKms(),
        new TrailLogFileValidationEnabled(),
        new ConfigRecorderEnabled());
  }
}
