/**
 * CloudTrail collectors (per region): the trails homed in the region as AWS Config records them,
 * and the region's view of every trail with its logging status and event selectors.
 */
package io.compliancestreams.ingest.collect.cloudtrail;
