/**
 * EC2 practices (16 EBS volume encryption, 17 VPC flow logs, 18 default security group, 19 EBS
 * encryption by default, 21 public EBS snapshots), the snapshot types they read, and their views of
 * those snapshots ({@code EbsVolume}, {@code Vpc}, {@code SecurityGroup}, …).
 */
package io.compliancestreams.streams.practices.ec2;
