package io.compliancestreams.ingest.collect;

import io.compliancestreams.ingest.collect.cloudtrail.CloudTrailCollectors;
import io.compliancestreams.ingest.collect.config.ConfigCollectors;
import io.compliancestreams.ingest.collect.iam.IamCollectors;
import io.compliancestreams.ingest.collect.s3.S3Collectors;
import io.compliancestreams.ingest.collect.services.ServiceCollectors;
import java.util.ArrayList;
import java.util.List;

/**
 * The catalogue of every collector: a plain list (no classpath scanning), one explicit list per
 * service package, so that a test can walk them all.
 */
public final class Collectors {

  private Collectors() {}

  public static List<Collector> all() {
    List<Collector> all = new ArrayList<>();
    all.addAll(IamCollectors.all());
    all.addAll(S3Collectors.all());
    all.addAll(CloudTrailCollectors.all());
    all.addAll(ConfigCollectors.all());
    all.addAll(ServiceCollectors.all());
    return List.copyOf(all);
  }
}
