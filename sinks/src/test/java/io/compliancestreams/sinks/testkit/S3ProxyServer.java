package io.compliancestreams.sinks.testkit;

import java.net.URI;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * An in-process S3-compatible server (s3proxy, in-memory NIO.2 blob store) with SigV4 auth. It can
 * be stopped and started again on the same port with the same contents, to simulate an outage.
 */
public final class S3ProxyServer implements AutoCloseable {

  public static final String ACCESS_KEY = "test-access";
  public static final String SECRET_KEY = "test-secret";

  private final BlobStoreContext context;
  private final BlobStore blobStore;
  private S3Proxy proxy;
  private int port;

  private S3ProxyServer() {
    context = ContextBuilder.newBuilder("transient-nio2").credentials("identity", "credential")
        .build(BlobStoreContext.class);
    blobStore = context.getBlobStore();
  }

  public static S3ProxyServer start() {
    S3ProxyServer server = new S3ProxyServer();
    server.startOn(0);
    return server;
  }

  private void startOn(int wanted) {
    proxy = S3Proxy.builder()
        .blobStore(blobStore)
        .endpoint(URI.create("http://127.0.0.1:" + wanted))
        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
        .build();
    try {
      proxy.start();
    } catch (Exception e) {
      throw new IllegalStateException("s3proxy did not start", e);
    }
    Awaitility.await("s3proxy started").atMost(Duration.ofSeconds(20))
        .until(() -> "STARTED".equals(proxy.getState()));
    port = proxy.getPort();
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + port);
  }

  public void createBucket(String bucket) {
    blobStore.createContainerInLocation(null, bucket);
  }

  /** Stops serving; the contents stay. */
  public void stop() {
    try {
      proxy.stop();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Serves again on the same port. */
  public void restart() {
    startOn(port);
  }

  @Override
  public void close() {
    stop();
    context.close();
  }
}
