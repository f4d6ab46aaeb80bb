/** Lambda collectors: functions (practice 24). */
package io.compliancestreams.ingest.collect.services.lambda;
