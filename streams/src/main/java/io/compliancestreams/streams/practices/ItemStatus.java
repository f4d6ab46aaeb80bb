package io.compliancestreams.streams.practices;

/** AWS Config's {@code configurationItemStatus} values. */
public enum ItemStatus {
  OK,
  ResourceDiscovered,
  ResourceNotRecorded,
  ResourceDeleted,
  ResourceDeletedNotRecorded;

  /** The two "deleted" statuses mean the resource is gone and its findings close. */
  public boolean isDeleted() {
    return this == ResourceDeleted || this == ResourceDeletedNotRecorded;
  }

  /** Parses AWS Config's spelling; {@code null} or blank is treated as {@code OK}. */
  public static ItemStatus parse(String value) {
    if (value == null || value.isBlank()) {
      return OK;
    }
    for (ItemStatus s : values()) {
      if (s.name().equalsIgnoreCase(value)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown configurationItemStatus '" + value + "'");
  }
}
