/** DMS collectors: replication instances (practice 20). */
package io.compliancestreams.ingest.collect.services.dms;
