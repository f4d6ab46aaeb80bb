/**
 * EC2 practices (16 EBS volume encryption, 17 VPC flow logs, 18 default security group, 19 EBS
 * encryption by default, 21 public EBS snapshots), the snapshot types they read, and the JSON field
 * helpers shared with the other service practices.
 */
package io.compliancestreams.streams.practices.ec2;
