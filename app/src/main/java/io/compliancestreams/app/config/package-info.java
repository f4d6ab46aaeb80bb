/** The one typed, validated configuration of the runnable: keys, sources and precedence. */
package io.compliancestreams.app.config;
