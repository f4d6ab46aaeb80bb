package io.compliancestreams.streams.practices;

import io.compliancestreams.streams.practices.cloudtrail.MultiRegionTrailEnabled;
import io.compliancestreams.streams.practices.cloudtrail.TrailEncryptedWithKms;
import io.compliancestreams.streams.practices.cloudtrail.TrailLogFileValidationEnabled;
import io.compliancestreams.streams.practices.config.ConfigRecorderEnabled;
import io.compliancestreams.streams.practices.dms.DmsReplicationInstanceNotPublic;
import io.compliancestreams.streams.practices.ec2.AttachedEbsVolumesEncrypted;
import io.compliancestreams.streams.practices.ec2.DefaultSecurityGroupClosed;
import io.compliancestreams.streams.practices.ec2.EbsEncryptionByDefaultEnabled;
import io.compliancestreams.streams.practices.ec2.EbsSnapshotNotPublic;
import io.compliancestreams.streams.practices.ec2.VpcFlowLogsEnabled;
import io.compliancestreams.streams.practices.guardduty.GuardDutyEnabled;
import io.compliancestreams.streams.practices.iam.AccessKeysRotated;
import io.compliancestreams.streams.practices.iam.ConsoleUsersHaveMfa;
import io.compliancestreams.streams.practices.iam.NoFullAdminPolicies;
import io.compliancestreams.streams.practices.iam.RootAccessKeyAbsent;
import io.compliancestreams.streams.practices.iam.RootHardwareMfa;
import io.compliancestreams.streams.practices.iam.StrongPasswordPolicy;
import io.compliancestreams.streams.practices.iam.UnusedCredentialsRemoved;
import io.compliancestreams.streams.practices.iam.UsersHaveNoDirectPolicies;
import io.compliancestreams.streams.practices.kms.KmsKeyNotPendingDeletion;
import io.compliancestreams.streams.practices.lambda.LambdaSupportedRuntime;
import io.compliancestreams.streams.practices.opensearch.OpenSearchDomainEncryptedAtRest;
import io.compliancestreams.streams.practices.s3.AccountBlockPublicAccessEnabled;
import io.compliancestreams.streams.practices.s3.BucketBlockPublicAccessEnabled;
import io.compliancestreams.streams.practices.s3.BucketDefaultEncryptionEnabled;
import io.compliancestreams.streams.practices.sagemaker.SageMakerNotebookNoDirectInternet;
import java.util.List;

/**
 * The explicit list of all practices, in the article's order. No classpath scanning: adding a
 * practice means adding it here, and the catalogue test checks the whole list.
 */
public final class PracticeCatalogue {

  // Built once: practices are stateless, and practice 24 reads its runtime table at construction.
  private static final List<Practice> PRACTICES = List.of(
        new NoFullAdminPolicies(), //                        1  IAM.1
        new UsersHaveNoDirectPolicies(), //                  2  IAM.2
        new AccessKeysRotated(), //                          3  IAM.3
        new RootAccessKeyAbsent(), //                        4  IAM.4
        new ConsoleUsersHaveMfa(), //                        5  IAM.5
        new RootHardwareMfa(), //                            6  IAM.6
        new StrongPasswordPolicy(), //                       7  IAM.7
        new UnusedCredentialsRemoved(), //                   8  IAM.8
        new AccountBlockPublicAccessEnabled(), //            9  S3.1
        new BucketDefaultEncryptionEnabled(), //            10  S3.4
        new BucketBlockPublicAccessEnabled(), //            11  S3.8
        new MultiRegionTrailEnabled(), //                   12  CloudTrail.1
        new TrailEncryptedWithKms(), //                     13  CloudTrail.2
        new TrailLogFileValidationEnabled(), //             14  CloudTrail.4
        new ConfigRecorderEnabled(), //                     15  Config.1
        new AttachedEbsVolumesEncrypted(), //               16  EC2.3
        new VpcFlowLogsEnabled(), //                        17  EC2.6
        new DefaultSecurityGroupClosed(), //                18  EC2.2
        new EbsEncryptionByDefaultEnabled(), //             19  EC2.7
        new DmsReplicationInstanceNotPublic(), //           20  DMS.1
        new EbsSnapshotNotPublic(), //                      21  EC2.1
        new OpenSearchDomainEncryptedAtRest(), //           22  Opensearch.1 / ES.1
        new SageMakerNotebookNoDirectInternet(), //         23  SageMaker.1
        new LambdaSupportedRuntime(), //                    24  Lambda.2
        new KmsKeyNotPendingDeletion(), //                  25  KMS.3
        new GuardDutyEnabled()); //                         26  GuardDuty.1

  private PracticeCatalogue() {}

  /** Every practice, ordered by number. */
  public static List<Practice> all() {
    return PRACTICES;
  }

  /** The practice with this number. */
  public static Practice byNumber(int number) {
    return all().stream()
        .filter(p -> p.number() == number)
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no practice numbered " + number));
  }
}
