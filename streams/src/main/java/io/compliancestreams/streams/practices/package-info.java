/**
 * The 26 security practices as pure functions: configuration items and an instant in, evaluations
 * out.
 *
 * <p>Nothing here performs I/O, reads the clock, logs, or imports Kafka or the AWS SDK (an
 * architecture test enforces it). Each practice lives in its own class, in a sub-package named after
 * the AWS service it concerns, with its metadata beside it; {@link
 * io.compliancestreams.streams.practices.PracticeCatalogue} lists all of them explicitly. Practices
 * read typed views of their snapshots (e.g. {@code S3Bucket.of(item)}), which read JSON through
 * {@link io.compliancestreams.streams.practices.ItemReader} only, so a malformed field becomes an
 * ERROR naming its path.
 */
package io.compliancestreams.streams.practices;
