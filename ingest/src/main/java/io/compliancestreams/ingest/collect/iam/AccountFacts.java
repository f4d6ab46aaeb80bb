package io.compliancestreams.ingest.collect.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.compliancestreams.ingest.aws.ApiJson;
import io.compliancestreams.ingest.collect.AccountFact;
import io.compliancestreams.ingest.collect.CollectContext;
import io.compliancestreams.ingest.collect.Collector.Coverage;
import io.compliancestreams.schemas.contract.ResourceTypes;
import software.amazon.awssdk.services.iam.model.AssignmentStatusType;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

/** The account-wide IAM facts: one snapshot per account each, region {@code global}, id = account id. */
final class AccountFacts {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private AccountFacts() {}

  /** GetAccountSummary: {@code {"SummaryMap": {...}}}. */
  static AccountFact accountSummary() {
    return new AccountFact("iam.account-summary", ResourceTypes.IAM_ACCOUNT_SUMMARY, Coverage.GLOBAL,
        ctx -> ApiJson.of(ctx.clients().iam().getAccountSummary()));
  }

  /** GetAccountPasswordPolicy: {@code {"PasswordPolicy": {...}}}, or null inside when none is set. */
  static AccountFact passwordPolicy() {
    return new AccountFact("iam.password-policy", ResourceTypes.IAM_PASSWORD_POLICY, Coverage.GLOBAL,
        AccountFacts::passwordPolicy);
  }

  /** ListVirtualMFADevices (assigned or not), every page merged. */
  static AccountFact virtualMfaDevices(Integer pageSize) {
    return new AccountFact("iam.virtual-mfa-devices", ResourceTypes.IAM_VIRTUAL_MFA_DEVICES, Coverage.GLOBAL,
        ctx -> virtualMfaDevices(ctx, pageSize));
  }

  private static JsonNode passwordPolicy(CollectContext ctx) {
    ObjectNode c = NODES.objectNode();
    try {
      c.set("PasswordPolicy", ApiJson.of(ctx.clients().iam().getAccountPasswordPolicy().passwordPolicy()));
    } catch (NoSuchEntityException e) {
      c.putNull("PasswordPolicy"); // no custom policy: a value, so that IAM.7 can fail
    }
    return c;
  }

  private static JsonNode virtualMfaDevices(CollectContext ctx, Integer pageSize) {
    ObjectNode c = NODES.objectNode();
    var devices = c.putArray("VirtualMFADevices");
    ctx.clients().iam()
        .listVirtualMFADevicesPaginator(r -> r.assignmentStatus(AssignmentStatusType.ANY).maxItems(pageSize))
        .virtualMFADevices()
        .forEach(device -> {
          ObjectNode entry = ApiJson.of(device);
          // The seed and QR code are secrets (IAM returns them only on creation; never carry them on).
          entry.remove("Base32StringSeed");
          entry.remove("QRCodePNG");
          devices.add(entry);
        });
    c.put("IsTruncated", false);
    return c;
  }
}
