/**
 * Pure handling of CloudTrail management events: parsing a record into a {@link
 * io.compliancestreams.streams.cloudtrail.TrailEvent}, deciding whether it can change anything,
 * routing it to the resources the practices read, and patching a stored item when the request alone
 * decides its new state.
 *
 * <p>No Kafka, no I/O, no clock, no logging: the topology calls these functions and owns the state.
 * See {@code docs/cloudtrail.md}.
 */
package io.compliancestreams.streams.cloudtrail;
