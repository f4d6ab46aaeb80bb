/**
 * IAM collectors (global, region {@code global}): customer managed policies and users as AWS Config
 * records them, and the extension snapshots of user credentials, the account summary, virtual MFA
 * devices and the password policy.
 */
package io.compliancestreams.ingest.collect.iam;
