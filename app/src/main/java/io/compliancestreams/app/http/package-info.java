/**
 * The one embedded HTTP server: the query API (routed across instances), health, metrics, and the
 * dashboard. Binds to loopback by default; an optional bearer token guards every data endpoint
 * (/api/**, /metrics); /health and the dashboard page shell (which holds no data) stay open.
 */
package io.compliancestreams.app.http;
