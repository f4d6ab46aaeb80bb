/** How the sinks write a resource and shorten a text, the same in every message. */
package io.compliancestreams.sinks.text;
