/** AWS DMS practices: practice 20, replication instances must not be publicly accessible. */
package io.compliancestreams.streams.practices.dms;
