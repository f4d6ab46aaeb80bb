package io.compliancestreams.streams.practices.cloudtrail;

import io.compliancestreams.schemas.contract.ResourceTypes;
import io.compliancestreams.streams.practices.ConfigurationItem;
import io.compliancestreams.streams.practices.Evaluation;
import io.compliancestreams.streams.practices.Practice;
import io.compliancestreams.streams.practices.PracticeMetadata;
import io.compliancestreams.streams.practices.Scope;
import io.compliancestreams.streams.practices.ScopeInput;
import io.compliancestreams.streams.practices.Severity;
import java.net.URI;
import java.util.List;

/** Practice 14 (CloudTrail.4): the trail writes signed digest files (log file validation). */
public final class TrailLogFileValidationEnabled implements Practice {

  static final PracticeMetadata METADATA =
      new PracticeMetadata(
          14,
          "CloudTrail.4",
          "CloudTrail log file validation should be enabled",
          Severity.LOW,
          Severity.LOW,
          Scope.RESOURCE,
          List.of(ResourceTypes.CLOUDTRAIL_TRAIL),
          TrailEvents.TRAIL_CHANGES,
          List.of(),
          "Turn on log file integrity validation with 'aws cloudtrail update-trail --name <trail> "
              + "--enable-log-file-validation'. CloudTrail then delivers an hourly signed digest "
              + "file, and 'aws cloudtrail validate-logs' can prove that no log file was changed "
              + "or deleted after delivery. Digests only cover logs delivered after the change.",
          URI.create(
              "https://docs.aws.amazon.com/securityhub/latest/userguide/cloudtrail-controls.html#cloudtrail-4"));

  @Override
  public PracticeMetadata metadata() {
    return METADATA;
  }

  @Override
  public List<Evaluation> evaluate(ScopeInput input) {
    Trail trail = Trail.of(input.item());
    ConfigurationItem item = trail.item();
    int n = METADATA.number();
    String elsewhere = TrailHome.elsewhere(trail);
    if (elsewhere != null) {
      return List.of(Evaluation.notApplicable(n, item.ref(), elsewhere));
    }
    String name = "Trail " + item.displayName();
    Evaluation result =
        trail.logFileValidationEnabled()
            ? Evaluation.pass(n, item.ref(), name + " has log file validation enabled")
            : Evaluation.fail(
                n, item.ref(), name + " has log file validation disabled (logFileValidationEnabled is false)");
    return List.of(result);
  }
}
