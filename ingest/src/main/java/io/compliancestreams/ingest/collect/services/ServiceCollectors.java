package io.compliancestreams.ingest.collect.services;

import io.compliancestreams.ingest.collect.Collector;
import io.compliancestreams.ingest.collect.services.dms.DmsCollectors;
import io.compliancestreams.ingest.collect.services.ec2.Ec2Collectors;
import io.compliancestreams.ingest.collect.services.guardduty.GuardDutyCollectors;
import io.compliancestreams.ingest.collect.services.kms.KmsCollectors;
import io.compliancestreams.ingest.collect.services.lambda.LambdaCollectors;
import io.compliancestreams.ingest.collect.services.opensearch.OpenSearchCollectors;
import io.compliancestreams.ingest.collect.services.sagemaker.SageMakerCollectors;
import java.util.ArrayList;
import java.util.List;

/** The regional collectors of practices 16 to 26, in a stable order (EC2 first, then by practice). */
public final class ServiceCollectors {

  private ServiceCollectors() {}

  /** A new instance of each collector, with default page sizes. */
  public static List<Collector> all() {
    List<Collector> all = new ArrayList<>();
    all.addAll(Ec2Collectors.all());
    all.addAll(DmsCollectors.all());
    all.addAll(OpenSearchCollectors.all());
    all.addAll(SageMakerCollectors.all());
    all.addAll(LambdaCollectors.all());
    all.addAll(KmsCollectors.all());
    all.addAll(GuardDutyCollectors.all());
    return List.copyOf(all);
  }
}
