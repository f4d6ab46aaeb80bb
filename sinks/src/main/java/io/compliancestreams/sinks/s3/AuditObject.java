package io.compliancestreams.sinks.s3;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * A closed run of consecutive records of one partition and one hour, ready to upload. Its key and
 * its bytes depend only on the records: gzip from {@link GZIPOutputStream} carries no file name
 * and a zero modification time, so a replay from the same first offset writes identical objects.
 */
record AuditObject(String topic, int partition, HourPartition hour, List<Line> lines) {

  /** One JSON line and the offset it came from. */
  record Line(long offset, Instant evaluatedAt, byte[] json) {}

  AuditObject {
    lines = List.copyOf(lines);
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("an audit object holds at least one record");
    }
  }

  long firstOffset() {
    return lines.get(0).offset();
  }

  long lastOffset() {
    return lines.get(lines.size() - 1).offset();
  }

  /** {@code <prefix>/<topic>/dt=YYYY-MM-DD/hr=HH/} */
  static String folder(String prefix, String topic, HourPartition hour) {
    return (prefix.isEmpty() ? "" : prefix + "/") + topic + "/" + hour.path() + "/";
  }

  /** {@code <topic>+<partition>+}: every object of this partition in a folder starts so. */
  static String namePrefix(String topic, int partition) {
    return topic + "+" + partition + "+";
  }

  String key(String prefix) {
    return folder(prefix, topic, hour) + namePrefix(topic, partition) + String.format("%020d", firstOffset())
        + ".jsonl.gz";
  }

  /** The first offset named by an object name of this partition, or -1. */
  static long firstOffsetOf(String key, String topic, int partition) {
    String name = key.substring(key.lastIndexOf('/') + 1);
    String start = namePrefix(topic, partition);
    if (!name.startsWith(start) || !name.endsWith(".jsonl.gz")) {
      return -1;
    }
    try {
      return Long.parseLong(name.substring(start.length(), name.length() - ".jsonl.gz".length()));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  AuditObject head(long beforeOffset) {
    return new AuditObject(topic, partition, hour, lines.stream().filter(l -> l.offset() < beforeOffset).toList());
  }

  AuditObject tail(long fromOffset) {
    return new AuditObject(topic, partition, hour, lines.stream().filter(l -> l.offset() >= fromOffset).toList());
  }

  byte[] gzip() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      for (Line line : lines) {
        gz.write(line.json());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
