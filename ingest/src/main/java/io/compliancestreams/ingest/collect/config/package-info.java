/** AWS Config collectors (per region): the configuration recorders and their status. */
package io.compliancestreams.ingest.collect.config;
