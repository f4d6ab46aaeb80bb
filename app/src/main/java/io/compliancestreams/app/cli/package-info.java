/** The picocli commands of the one runnable, and the renderers they share. */
package io.compliancestreams.app.cli;
