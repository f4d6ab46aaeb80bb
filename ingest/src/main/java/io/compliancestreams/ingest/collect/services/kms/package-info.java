/** KMS collectors: keys (practice 25). */
package io.compliancestreams.ingest.collect.services.kms;
