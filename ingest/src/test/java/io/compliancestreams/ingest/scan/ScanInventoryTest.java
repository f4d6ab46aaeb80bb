package io.compliancestreams.ingest.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.compliancestreams.ingest.snapshot.SnapshotBuilder;
import io.compliancestreams.schemas.avro.ResourceSnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the inventory tells its journal: exactly what a succeeded scope changed, nothing else. */
class ScanInventoryTest {

  private static final String ACCOUNT = "123456789012";
  private static final Scope USERS = new Scope(ACCOUNT, "global", "iam.users");
  private static final Scope BUCKETS = new Scope(ACCOUNT, "global", "s3.buckets");

  private final List<InventoryChange> journal = new ArrayList<>();
  private final ScanInventory inventory = new ScanInventory(journal::add);

  @Test
  void shouldTellTheJournalEveryResourceOfAScopeRecordedForTheFirstTime() {
    inventory.replace(USERS, List.of(user("AIDAALICE", "alice"), user("AIDABOB", "bob")));

    assertThat(journal).containsExactly(new InventoryChange(USERS,
        List.of(known("AIDAALICE", "alice"), known("AIDABOB", "bob")), List.of()));
  }

  @Test
  void shouldTellTheJournalExactlyWhatWasAddedChangedAndRemoved() {
    inventory.replace(USERS, List.of(user("AIDAALICE", "alice"), user("AIDABOB", "bob"), user("AIDACAROL", "carol")));
    journal.clear();

    inventory.replace(USERS, List.of(user("AIDAALICE", "alice"), user("AIDACAROL", "carol-renamed"),
        user("AIDADAVE", "dave")));

    assertThat(journal).containsExactly(new InventoryChange(USERS,
        List.of(known("AIDACAROL", "carol-renamed"), known("AIDADAVE", "dave")),
        List.of(ACCOUNT + "/global/AWS::IAM::User/AIDABOB")));
    assertThat(inventory.keys(USERS)).containsExactlyInAnyOrder(ACCOUNT + "/global/AWS::IAM::User/AIDAALICE",
        ACCOUNT + "/global/AWS::IAM::User/AIDACAROL", ACCOUNT + "/global/AWS::IAM::User/AIDADAVE");
  }

  @Test
  void shouldRecordOnlyAcknowledgedResourcesAndKeepTheOldEntryOfOnesWhoseSnapshotWasLost() {
    inventory.replace(USERS, List.of(user("AIDAALICE", "alice"), user("AIDABOB", "bob")));
    journal.clear();
    String alice = ACCOUNT + "/global/AWS::IAM::User/AIDAALICE";
    String bob = ACCOUNT + "/global/AWS::IAM::User/AIDABOB";
    String carol = ACCOUNT + "/global/AWS::IAM::User/AIDACAROL";

    // alice renamed but her update was lost, bob's deletion was lost, carol is new and was lost.
    inventory.replace(USERS, List.of(), Set.of(alice, bob, carol));

    assertThat(journal).as("nothing the topology was not told").isEmpty();
    assertThat(inventory.keys(USERS)).containsExactlyInAnyOrder(alice, bob);
    assertThat(inventory.resources(USERS).get(alice)).isEqualTo(known("AIDAALICE", "alice"));
  }

  @Test
  void shouldNotTellTheJournalAnythingWhenAScopeIsUnchanged() {
    inventory.replace(USERS, List.of(user("AIDAALICE", "alice")));
    inventory.replace(BUCKETS, List.of());
    journal.clear();

    inventory.replace(USERS, List.of(user("AIDAALICE", "alice")));
    inventory.replace(BUCKETS, List.of());

    assertThat(journal).isEmpty();
  }

  @Test
  void shouldCompareARestoredScopeWithWhatWasRestoredWithoutWritingItBack() {
    inventory.restore(USERS, List.of(known("AIDAALICE", "alice"), known("AIDABOB", "bob")));

    assertThat(journal).isEmpty();
    assertThat(inventory.missing(USERS, Set.of(ACCOUNT + "/global/AWS::IAM::User/AIDAALICE")))
        .containsExactly(known("AIDABOB", "bob"));

    inventory.replace(USERS, List.of(user("AIDAALICE", "alice")));

    assertThat(journal).containsExactly(new InventoryChange(USERS, List.of(),
        List.of(ACCOUNT + "/global/AWS::IAM::User/AIDABOB")));
  }

  private static ResourceSnapshot user(String id, String name) {
    return SnapshotBuilder.of(ACCOUNT, "global", "AWS::IAM::User", id).name(name)
        .arn("arn:aws:iam::" + ACCOUNT + ":user/" + name).capturedAt(Instant.parse("2026-06-01T10:00:00Z")).build();
  }

  private static KnownResource known(String id, String name) {
    return new KnownResource(ACCOUNT, "global", "AWS::IAM::User", id, "arn:aws:iam::" + ACCOUNT + ":user/" + name,
        name);
  }
}
