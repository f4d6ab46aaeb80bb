/**
 * Amazon GuardDuty practices: practice 26, an enabled detector in every Region, and the snapshot
 * types it reads.
 */
package io.compliancestreams.streams.practices.guardduty;
