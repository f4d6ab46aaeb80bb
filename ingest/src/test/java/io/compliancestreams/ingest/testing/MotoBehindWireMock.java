package io.compliancestreams.ingest.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.compliancestreams.devkit.AwsEmulator;
import io.compliancestreams.ingest.aws.AwsClients;

/**
 * moto with WireMock in front: WireMock forwards every request to moto unless a test stubs one at
 * a higher priority (priority 10 is the forward), which is how a test makes AWS refuse something
 * while everything else stays real.
 */
public final class MotoBehindWireMock implements AutoCloseable {

  private final AwsEmulator emulator;
  private final WireMockServer wireMock;
  private final AwsClients moto;

  private MotoBehindWireMock(AwsEmulator emulator, WireMockServer wireMock) {
    this.emulator = emulator;
    this.wireMock = wireMock;
    this.moto = TestAws.clients(emulator.endpoint());
  }

  public static MotoBehindWireMock start() {
    AwsEmulator emulator = AwsEmulator.start();
    WireMockServer wireMock = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    wireMock.start();
    return new MotoBehindWireMock(emulator, wireMock);
  }

  /** Empties moto and WireMock and installs the forward again. */
  public void reset() {
    emulator.reset();
    wireMock.resetAll();
    wireMock.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().proxiedFrom(emulator.endpoint().toString())));
  }

  public AwsEmulator emulator() {
    return emulator;
  }

  public WireMockServer wireMock() {
    return wireMock;
  }

  /** Clients talking to moto directly. */
  public AwsClients moto() {
    return moto;
  }

  @Override
  public void close() {
    moto.close();
    wireMock.stop();
    emulator.close();
  }
}
