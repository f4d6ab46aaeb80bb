/**
 * Amazon OpenSearch Service practices: practice 22, encryption at rest for OpenSearch and legacy
 * Elasticsearch domains (Security Hub's Opensearch.1 and ES.1).
 */
package io.compliancestreams.streams.practices.opensearch;
