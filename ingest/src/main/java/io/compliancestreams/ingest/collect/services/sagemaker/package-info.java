/** SageMaker collectors: notebook instances (practice 23). */
package io.compliancestreams.ingest.collect.services.sagemaker;
