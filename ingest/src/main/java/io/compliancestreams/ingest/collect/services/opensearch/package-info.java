/** OpenSearch Service collectors: OpenSearch and legacy Elasticsearch domains (practice 22). */
package io.compliancestreams.ingest.collect.services.opensearch;
