/**
 * The embedded HTTP servers: the query API (routed across instances), health, metrics and the
 * dashboard ({@link io.compliancestreams.app.http.ApiServer}), and health and metrics alone for a
 * process without the API ({@link io.compliancestreams.app.http.OpsServer}). Both bind to loopback
 * by default and pass every request through one guard: an optional bearer token required on
 * everything but /health and the dashboard page shell (which holds no data), canonical paths only,
 * security headers on every response.
 */
package io.compliancestreams.app.http;
