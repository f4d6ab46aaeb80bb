package io.compliancestreams.app.demo;

import io.compliancestreams.streams.query.PostureSummary;
import java.io.PrintStream;

/** The posture summary as a small table: practice, control, pass, fail (and the rest when any). */
final class PostureTable {

  void print(PostureSummary posture, PrintStream out) {
    out.printf("%3s  %-13s %5s %5s %5s  %s%n", "#", "CONTROL", "PASS", "FAIL", "N/A", "TITLE");
    int pass = 0;
    int fail = 0;
    for (PostureSummary.PracticeCounts p : posture.practices()) {
      out.printf("%3d  %-13s %5d %5d %5d  %s%n", p.practice(), p.controlId(), p.pass(), p.fail(),
          p.notApplicable(), p.title());
      pass += p.pass();
      fail += p.fail();
    }
    out.printf("%d practices, %d passing and %d failing findings", posture.practices().size(), pass, fail);
    for (PostureSummary.AccountCounts a : posture.accounts()) {
      out.printf("; %s: %d pass / %d fail", a.accountId(), a.pass(), a.fail());
    }
    out.println();
  }
}
