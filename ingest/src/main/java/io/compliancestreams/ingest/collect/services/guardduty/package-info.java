/** GuardDuty collectors: the detectors of a region, present or absent (practice 26). */
package io.compliancestreams.ingest.collect.services.guardduty;
