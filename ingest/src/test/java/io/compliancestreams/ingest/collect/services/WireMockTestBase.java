package io.compliancestreams.ingest.collect.services;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.matching.StringValuePattern;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * A WireMock server standing in for ONE AWS service speaking JSON 1.1 ({@code POST /} with an
 * {@code X-Amz-Target} header), for what moto does not serve faithfully. Stubs registered later
 * get a lower priority, so register the most specific (e.g. a second page) first.
 */
public abstract class WireMockTestBase {

  protected static final String REGION = "eu-west-1";
  protected static WireMockServer server;
  protected static CollectorHarness harness;

  @BeforeAll
  static void startServer() {
    server = new WireMockServer(options().dynamicPort());
    server.start();
    harness = new CollectorHarness(URI.create(server.baseUrl()), REGION);
  }

  @AfterAll
  static void stopServer() {
    harness.close();
    server.stop();
  }

  @BeforeEach
  void resetServer() {
    server.resetAll();
  }

  /** Answers {@code target} (e.g. {@code TrentService.ListKeys}) whose body matches, with JSON. */
  protected static void answerJson(String target, StringValuePattern body, String json) {
    server.stubFor(post(urlEqualTo("/")).atPriority(server.getStubMappings().size() + 1)
        .withHeader("X-Amz-Target", equalTo(target))
        .withRequestBody(body)
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1")
            .withBody(json)));
  }
}
