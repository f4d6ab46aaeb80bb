/**
 * Regional collectors for the EC2, DMS, OpenSearch, SageMaker, Lambda, KMS and GuardDuty practices
 * (16 to 26), one sub-package per AWS service, listed by {@link
 * io.compliancestreams.ingest.collect.services.ServiceCollectors}.
 *
 * <p>Configuration shapes follow two rules, both taken from AWS Config and the practice fixtures:
 * types AWS Config records from the old bean-style model (EC2 volumes, VPCs and security groups,
 * Lambda, KMS, Elasticsearch) are camelCase and written field by field; types AWS Config records
 * from the CloudFormation schema (DMS, OpenSearch, SageMaker) and our extension types are
 * PascalCase, the latter in the exact API response shape through {@link
 * io.compliancestreams.ingest.aws.ApiJson}.
 */
package io.compliancestreams.ingest.collect.services;
