/**
 * What the runnable's output goes through before it is written: the Logback layout that redacts
 * configured secrets from every log line, whichever library logged it, and the redacting
 * {@code System.out}/{@code System.err} for everything else a command or a library prints.
 */
package io.compliancestreams.app.logging;
