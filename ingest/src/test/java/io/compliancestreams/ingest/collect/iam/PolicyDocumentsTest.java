package io.compliancestreams.ingest.collect.iam;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PolicyDocumentsTest {

  @Test
  void shouldEncodePlainJsonAsRfc3986() {
    assertThat(PolicyDocuments.urlEncoded("{\"Action\": \"s3:*\", \"Resource\": \"arn:aws:s3:::b/~x\"}"))
        .isEqualTo("%7B%22Action%22%3A%20%22s3%3A%2A%22%2C%20%22Resource%22%3A%20%22arn%3Aaws%3As3%3A%3A%3Ab%2F~x%22%7D");
  }

  @Test
  void shouldKeepAnAlreadyEncodedDocument() {
    assertThat(PolicyDocuments.urlEncoded("%7B%22Version%22%3A%222012-10-17%22%7D"))
        .isEqualTo("%7B%22Version%22%3A%222012-10-17%22%7D");
    assertThat(PolicyDocuments.urlEncoded(null)).isNull();
  }
}
