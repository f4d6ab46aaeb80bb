/**
 * The 26 security practices as pure functions: configuration items and an instant in, evaluations
 * out.
 *
 * <p>Nothing here performs I/O, reads the clock, logs, or imports Kafka or the AWS SDK (an
 * architecture test enforces it). Each practice lives in its own class, in a sub-package named after
 * the AWS service it concerns, with its metadata beside it; {@link
 * io.compliancestreams.streams.practices.PracticeCatalogue} lists all of them explicitly.
 */
package io.compliancestreams.streams.practices;
