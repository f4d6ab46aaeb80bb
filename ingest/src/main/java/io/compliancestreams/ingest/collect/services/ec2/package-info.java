/**
 * EC2 collectors: EBS volumes (practice 16), VPCs with their flow logs (17), security groups (18),
 * EBS encryption by default (19) and EBS snapshots (21).
 */
package io.compliancestreams.ingest.collect.services.ec2;
