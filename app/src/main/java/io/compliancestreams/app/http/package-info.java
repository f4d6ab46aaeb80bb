/**
 * The one embedded HTTP server: the query API (routed across instances), health, metrics, and the
 * dashboard. Binds to loopback by default; an optional bearer token guards all but /health.
 */
package io.compliancestreams.app.http;
