package io.compliancestreams.ingest.aws;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.endpoints.Endpoint;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.config.ConfigClient;
import software.amazon.awssdk.services.databasemigration.DatabaseMigrationClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.elasticsearch.ElasticsearchClient;
import software.amazon.awssdk.services.guardduty.GuardDutyClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.opensearch.OpenSearchClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3control.S3ControlClient;
import software.amazon.awssdk.services.s3control.endpoints.S3ControlEndpointProvider;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The SDK clients of one account and region, built lazily and shared (they are thread-safe):
 * adaptive retries, call and attempt timeouts ({@link AwsTimeouts}), one HTTP client, call counting, the per-service call budget of
 * {@link AwsSettings#maxCallsPerSecondPerService()}, the failed operation named in error messages,
 * and the endpoint quirks of emulators (path-style S3, no account-id host prefix for S3 Control).
 *
 * <p>{@link #inRegion} copies share the HTTP client, the counter and the budget; close each copy
 * (its SDK clients), and the original last (it also closes the HTTP client it created).
 */
public final class AwsClients implements AutoCloseable {

  /**
   * Adaptive retries (client-side rate limiting once AWS throttles), with more attempts than the
   * SDK's default 3: a throttling storm must slow a scan down, not fail its scopes.
   */
  static final int MAX_ATTEMPTS = 10;

  /** A strategy per client: the adaptive rate limiter should track one service's throttling. */
  private static software.amazon.awssdk.retries.api.RetryStrategy retries() {
    return software.amazon.awssdk.awscore.retry.AwsRetryStrategy.adaptiveRetryStrategy().toBuilder()
        .maxAttempts(MAX_ATTEMPTS).build();
  }

  private final AwsSettings settings;
  private final Region region;
  private final SdkHttpClient http;
  private final boolean ownsHttp;
  private final CallCounter counter;
  private final CallBudget budget;
  private final Map<Class<?>, SdkClient> clients = new ConcurrentHashMap<>();

  /** Clients on a caller-owned HTTP client (left open by {@link #close()}). */
  public AwsClients(AwsSettings settings, String region, SdkHttpClient http, CallCounter counter) {
    this(settings, region, http, false, counter,
        CallBudget.perSecond(settings.maxCallsPerSecondPerService()));
  }

  private AwsClients(AwsSettings settings, String region, SdkHttpClient http, boolean ownsHttp,
      CallCounter counter, CallBudget budget) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.region = Region.of(Objects.requireNonNull(region, "region"));
    this.http = Objects.requireNonNull(http, "http");
    this.ownsHttp = ownsHttp;
    this.counter = Objects.requireNonNull(counter, "counter");
    this.budget = budget;
  }

  /** Clients with their own HTTP client (closed with them). */
  public static AwsClients create(AwsSettings settings, String region, CallCounter counter) {
    AwsTimeouts timeouts = settings.timeouts();
    SdkHttpClient http = ApacheHttpClient.builder()
        .connectionTimeout(timeouts.connect())
        .socketTimeout(timeouts.apiCallAttempt())
        .connectionAcquisitionTimeout(timeouts.apiCallAttempt())
        .build();
    return new AwsClients(settings, region, http, true, counter,
        CallBudget.perSecond(settings.maxCallsPerSecondPerService()));
  }

  public String region() {
    return region.id();
  }

  public CallCounter calls() {
    return counter;
  }

  /** The same settings in another region, sharing the HTTP client and the call counter. */
  public AwsClients inRegion(String other) {
    return new AwsClients(settings, other, http, false, counter, budget);
  }

  public IamClient iam() {
    // IAM is global: aws-global signs for us-east-1; an emulator wants a plain region.
    return get(IamClient.class, () -> configure(IamClient.builder(),
        settings.endpointOverridden() ? Region.US_EAST_1 : Region.AWS_GLOBAL).build());
  }

  public StsClient sts() {
    return get(StsClient.class, () -> configure(StsClient.builder(), region).build());
  }

  public S3Client s3() {
    return get(S3Client.class, () -> {
      var builder = configure(S3Client.builder(), region)
          .forcePathStyle(settings.endpointOverridden())
          // Real AWS: a bucket in another region is followed there instead of failing with a 301.
          .crossRegionAccessEnabled(!settings.endpointOverridden());
      if (settings.endpointOverridden()) {
        // S3-compatible servers reject the SDK's default request checksums on some operations.
        builder.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
      }
      return builder.build();
    });
  }

  public S3ControlClient s3Control() {
    return get(S3ControlClient.class, () -> {
      var builder = configure(S3ControlClient.builder(), region);
      if (settings.endpointOverridden()) {
        // S3 Control's rules put the account id in front of the host; an emulator does not serve
        // that. The override is ours (settings) or the environment's (AWS_ENDPOINT_URL[_S3_CONTROL],
        // which the SDK passes in as params.endpoint()); without either, AWS's own rules apply.
        URI ours = settings.endpoint();
        S3ControlEndpointProvider rules = S3ControlEndpointProvider.defaultProvider();
        builder.endpointProvider((S3ControlEndpointProvider) params -> {
          String url = ours != null ? ours.toString() : params.endpoint();
          return url == null ? rules.resolveEndpoint(params)
              : CompletableFuture.completedFuture(Endpoint.builder().url(URI.create(url)).build());
        });
      }
      return builder.build();
    });
  }

  public CloudTrailClient cloudTrail() {
    return get(CloudTrailClient.class, () -> configure(CloudTrailClient.builder(), region).build());
  }

  public ConfigClient config() {
    return get(ConfigClient.class, () -> configure(ConfigClient.builder(), region).build());
  }

  public Ec2Client ec2() {
    return get(Ec2Client.class, () -> configure(Ec2Client.builder(), region).build());
  }

  public DatabaseMigrationClient dms() {
    return get(DatabaseMigrationClient.class, () -> configure(DatabaseMigrationClient.builder(), region).build());
  }

  public OpenSearchClient openSearch() {
    return get(OpenSearchClient.class, () -> configure(OpenSearchClient.builder(), region).build());
  }

  public ElasticsearchClient elasticsearch() {
    return get(ElasticsearchClient.class, () -> configure(ElasticsearchClient.builder(), region).build());
  }

  public SageMakerClient sageMaker() {
    return get(SageMakerClient.class, () -> configure(SageMakerClient.builder(), region).build());
  }

  public LambdaClient lambda() {
    return get(LambdaClient.class, () -> configure(LambdaClient.builder(), region).build());
  }

  public KmsClient kms() {
    return get(KmsClient.class, () -> configure(KmsClient.builder(), region).build());
  }

  public GuardDutyClient guardDuty() {
    return get(GuardDutyClient.class, () -> configure(GuardDutyClient.builder(), region).build());
  }

  public SqsClient sqs() {
    return get(SqsClient.class, () -> configure(SqsClient.builder(), region).build());
  }

  public OrganizationsClient organizations() {
    return get(OrganizationsClient.class, () -> configure(OrganizationsClient.builder(),
        settings.endpointOverridden() ? Region.US_EAST_1 : Region.AWS_GLOBAL).build());
  }

  private <B extends AwsClientBuilder<B, ?>> B configure(B builder, Region clientRegion) {
    builder.region(clientRegion)
        .credentialsProvider(settings.credentials())
        .overrideConfiguration(ClientOverrideConfiguration.builder()
            .retryStrategy(retries())
            .apiCallTimeout(settings.timeouts().apiCall())
            .apiCallAttemptTimeout(settings.timeouts().apiCallAttempt())
            .addExecutionInterceptor(counter)
            .addExecutionInterceptor(budget)
            .addExecutionInterceptor(new OperationInErrors())
            .build());
    if (settings.endpoint() != null) {
      builder.endpointOverride(settings.endpoint());
    }
    if (builder instanceof AwsSyncClientBuilder<?, ?> sync) {
      sync.httpClient(http);
    }
    return builder;
  }

  @SuppressWarnings("unchecked")
  private <C extends SdkClient> C get(Class<C> type, Supplier<C> factory) {
    return (C) clients.computeIfAbsent(type, k -> factory.get());
  }

  /** Closes the SDK clients built here, and the HTTP client if {@link #create} made it. */
  @Override
  public void close() {
    clients.values().forEach(SdkClient::close);
    clients.clear();
    if (ownsHttp) {
      // SDK clients never close an HTTP client they were given, so its owner must.
      http.close();
    }
  }
}
