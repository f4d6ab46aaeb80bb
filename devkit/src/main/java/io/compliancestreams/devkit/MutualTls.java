package io.compliancestreams.devkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away certificate authority and the PKCS12 stores for a broker and one client, signed by
 * it, made with the JDK's {@code keytool} (no other tool or library): the broker's certificate names
 * 127.0.0.1 and localhost, so clients keep hostname verification on. Every store and key has the
 * same password. For tests only: the keys are 2048-bit RSA valid for two days.
 *
 * @param truststore the CA certificate, trusted by broker and client
 * @param brokerKeystore the broker's key and certificate
 * @param clientKeystore the client's key and certificate ({@code CN=<client name>})
 * @param password of every store and key
 */
public record MutualTls(Path truststore, Path brokerKeystore, Path clientKeystore, String password) {

  private static final long KEYTOOL_TIMEOUT_SECONDS = 60;

  /** Generates the CA and the stores into {@code dir}; the client certificate is {@code CN=clientName}. */
  public static MutualTls generate(Path dir, String clientName, String password) {
    try {
      Files.createDirectories(dir);
      Path ca = dir.resolve("ca.p12");
      Path caPem = dir.resolve("ca.pem");
      Path truststore = dir.resolve("truststore.p12");
      keytool(dir, password, "-genkeypair", "-alias", "ca", "-keyalg", "RSA", "-keysize", "2048",
          "-dname", "CN=devkit-test-ca", "-ext", "bc:c", "-validity", "2", "-keystore", ca.toString());
      keytool(dir, password, "-exportcert", "-rfc", "-alias", "ca", "-keystore", ca.toString(),
          "-file", caPem.toString());
      keytool(dir, password, "-importcert", "-noprompt", "-alias", "ca", "-file", caPem.toString(),
          "-keystore", truststore.toString());
      Path broker = signed(dir, password, ca, caPem, "broker", "CN=localhost", "SAN=ip:127.0.0.1,dns:localhost");
      Path client = signed(dir, password, ca, caPem, "client", "CN=" + clientName, null);
      return new MutualTls(truststore, broker, client, password);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the TLS stores to " + dir, e);
    }
  }

  /** A key pair in {@code <name>.p12}, its certificate signed by the CA and imported with the CA's. */
  private static Path signed(Path dir, String password, Path ca, Path caPem, String name, String dname,
      String extension) {
    Path store = dir.resolve(name + ".p12");
    Path csr = dir.resolve(name + ".csr");
    Path pem = dir.resolve(name + ".pem");
    keytool(dir, password, "-genkeypair", "-alias", name, "-keyalg", "RSA", "-keysize", "2048",
        "-dname", dname, "-validity", "2", "-keystore", store.toString());
    keytool(dir, password, "-certreq", "-alias", name, "-keystore", store.toString(), "-file", csr.toString());
    List<String> sign = new ArrayList<>(List.of("-gencert", "-rfc", "-alias", "ca", "-keystore", ca.toString(),
        "-infile", csr.toString(), "-outfile", pem.toString(), "-validity", "2"));
    if (extension != null) {
      sign.addAll(List.of("-ext", extension));
    }
    keytool(dir, password, sign.toArray(String[]::new));
    // The reply with its chain (certificate, then the CA's), so keytool needs no CA entry to link it.
    Path chain = dir.resolve(name + "-chain.pem");
    try {
      Files.writeString(chain, Files.readString(pem) + Files.readString(caPem));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + chain, e);
    }
    keytool(dir, password, "-importcert", "-noprompt", "-alias", name, "-file", chain.toString(),
        "-keystore", store.toString());
    return store;
  }

  private static void keytool(Path dir, String password, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    // Eleven short-lived JVMs: start each as cheaply as possible.
    command.addAll(List.of("-J-XX:TieredStopAtLevel=1", "-J-XX:+UseSerialGC", "-J-Xshare:auto"));
    command.addAll(List.of(args));
    // PKCS12 keys have the store's password: no -keypass.
    command.addAll(List.of("-storetype", "PKCS12", "-storepass", password));
    try {
      Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
      process.getOutputStream().close();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(KEYTOOL_TIMEOUT_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new IllegalStateException("keytool " + args[0] + " failed: " + output.replace(password, "****"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot run keytool", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running keytool", e);
    }
  }

  /** The client properties of an mTLS connection with the client's certificate. */
  public Map<String, String> clientProperties() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("security.protocol", "SSL");
    p.put("ssl.truststore.location", truststore.toString());
    p.put("ssl.truststore.type", "PKCS12");
    p.put("ssl.truststore.password", password);
    p.put("ssl.keystore.location", clientKeystore.toString());
    p.put("ssl.keystore.type", "PKCS12");
    p.put("ssl.keystore.password", password);
    p.put("ssl.key.password", password);
    return p;
  }

  /** An SSL listener that requires a client certificate; the broker also talks to itself over it. */
  ListenerSecurity listener() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("ssl.keystore.location", brokerKeystore.toString());
    p.put("ssl.keystore.type", "PKCS12");
    p.put("ssl.keystore.password", password);
    p.put("ssl.key.password", password);
    p.put("ssl.truststore.location", truststore.toString());
    p.put("ssl.truststore.type", "PKCS12");
    p.put("ssl.truststore.password", password);
    p.put("ssl.client.auth", "required");
    return new ListenerSecurity("SSL", p, List.of());
  }

  /** Paths only: the password is a secret even in tests. */
  @Override
  public String toString() {
    return "MutualTls[truststore=" + truststore + ", broker=" + brokerKeystore + ", client=" + clientKeystore + "]";
  }
}
