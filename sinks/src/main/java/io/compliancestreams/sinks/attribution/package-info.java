/**
 * How the sinks (and the demo console) name who caused a delta, from its {@code attribution}: one
 * wording everywhere, "by ... from ...", "probably by ..." for a probable cause. Plain text: each
 * sink escapes it for its own format.
 */
package io.compliancestreams.sinks.attribution;
