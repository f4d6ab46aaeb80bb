/** Amazon SageMaker practices: practice 23, notebook instances without direct internet access. */
package io.compliancestreams.streams.practices.sagemaker;
