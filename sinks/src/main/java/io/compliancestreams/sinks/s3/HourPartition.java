package io.compliancestreams.sinks.s3;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/** The Hive partition of a record time: {@code dt=YYYY-MM-DD/hr=HH}, UTC. */
record HourPartition(String dt, String hr) {

  static HourPartition of(Instant time) {
    ZonedDateTime t = time.atZone(ZoneOffset.UTC);
    return new HourPartition(t.toLocalDate().toString(), String.format("%02d", t.getHour()));
  }

  String path() {
    return "dt=" + dt + "/hr=" + hr;
  }
}
