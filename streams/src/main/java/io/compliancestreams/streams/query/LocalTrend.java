package io.compliancestreams.streams.query;

import java.util.Map;
import java.util.TreeMap;

/**
 * One instance's share of the posture trend: the net changes of its partitions of the delta topic
 * per minute (epoch ms of the minute's start → change), and the failing and error counts of the
 * findings it holds now.
 */
public record LocalTrend(Map<Long, TrendCounts> minutes, TrendCounts live) {
  public LocalTrend {
    minutes = new TreeMap<>(minutes);
  }
}
