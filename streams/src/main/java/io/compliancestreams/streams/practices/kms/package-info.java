/** AWS KMS practices: practice 25, customer managed keys must not be scheduled for deletion. */
package io.compliancestreams.streams.practices.kms;
