package io.compliancestreams.ingest.collect.iam;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * IAM policy documents as AWS Config stores them: URL-encoded (RFC 3986) JSON text. The IAM API
 * returns them encoded already; some emulators (moto's GetPolicyVersion) return the plain JSON, which
 * we encode so that every snapshot has one form.
 */
final class PolicyDocuments {

  private PolicyDocuments() {}

  static String urlEncoded(String document) {
    if (document == null) {
      return null;
    }
    String trimmed = document.strip();
    if (!trimmed.startsWith("{")) {
      return document; // already encoded: an encoded document starts with %7B
    }
    // URLEncoder is form encoding; RFC 3986 wants %20 for space, %2A for '*', and '~' unencoded.
    return URLEncoder.encode(document, StandardCharsets.UTF_8)
        .replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
  }
}
