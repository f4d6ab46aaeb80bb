package io.compliancestreams.sinks.slack;

import static io.compliancestreams.schemas.avro.ChangeKind.CHANGED;
import static io.compliancestreams.schemas.avro.ChangeKind.CLOSED;
import static io.compliancestreams.schemas.avro.ChangeKind.NEW;
import static io.compliancestreams.schemas.avro.ChangeKind.REGRESSED;
import static io.compliancestreams.schemas.avro.ChangeKind.RESOLVED;
import static io.compliancestreams.schemas.avro.FindingStatus.ERROR;
import static io.compliancestreams.schemas.avro.FindingStatus.FAIL;
import static io.compliancestreams.schemas.avro.FindingStatus.NOT_APPLICABLE;
import static io.compliancestreams.schemas.avro.FindingStatus.PASS;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NoticeTest {

  @Test
  void shouldAlertOnNewFailureRegressionAndChangeToError() {
    assertThat(Notice.of(Deltas.change(NEW, null, FAIL, 1))).isEqualTo(Notice.ALERT);
    assertThat(Notice.of(Deltas.change(REGRESSED, PASS, FAIL, 2))).isEqualTo(Notice.ALERT);
    assertThat(Notice.of(Deltas.change(CHANGED, FAIL, ERROR, 2))).isEqualTo(Notice.ALERT);
    assertThat(Notice.of(Deltas.change(CHANGED, NOT_APPLICABLE, FAIL, 2))).isEqualTo(Notice.ALERT);
  }

  @Test
  void shouldStaySilentOnNewPassAndNewNotApplicable() {
    assertThat(Notice.of(Deltas.change(NEW, null, PASS, 1))).isEqualTo(Notice.NONE);
    assertThat(Notice.of(Deltas.change(NEW, null, NOT_APPLICABLE, 1))).isEqualTo(Notice.NONE);
    assertThat(Notice.of(Deltas.change(CHANGED, PASS, NOT_APPLICABLE, 2))).isEqualTo(Notice.NONE);
  }

  @Test
  void shouldPostResolutionsOnlyWhenAskedTo() {
    assertThat(Notice.of(Deltas.change(RESOLVED, FAIL, PASS, 3))).isEqualTo(Notice.RESOLUTION);
    assertThat(Notice.of(Deltas.change(CLOSED, FAIL, null, 3))).isEqualTo(Notice.RESOLUTION);
    assertThat(Notice.of(Deltas.change(CHANGED, ERROR, PASS, 3))).isEqualTo(Notice.RESOLUTION);
    assertThat(Notice.RESOLUTION.posted(false)).isFalse();
    assertThat(Notice.RESOLUTION.posted(true)).isTrue();
    assertThat(Notice.ALERT.posted(false)).isTrue();
    assertThat(Notice.NONE.posted(true)).isFalse();
  }
}
