package io.compliancestreams.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.avro.Schema;

/**
 * What an operator or an earlier release does to a schema registry, through the Confluent REST API
 * and not through the product's client: set the compatibility level, register a schema, read what
 * is registered. Tests arrange and check the registry's state with it.
 */
final class RegistryAdmin {

  private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String baseUrl;
  private final String authorization;
  private final HttpClient http;

  RegistryAdmin(String baseUrl, String userInfo, Path truststore, String truststorePassword) throws Exception {
    this.baseUrl = baseUrl;
    this.authorization = "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(truststore)) {
      store.load(in, truststorePassword.toCharArray());
    }
    TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(store);
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(null, trust.getTrustManagers(), null);
    this.http = HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(10)).build();
  }

  /** {@code PUT /config}: the global compatibility level; returns the level the registry reports. */
  String setGlobalCompatibility(String level) throws Exception {
    JsonNode body = send("PUT", "/config", Map.of("compatibility", level), 200);
    return body.has("compatibilityLevel") ? body.get("compatibilityLevel").asText()
        : body.path("compatibility").asText();
  }

  /** {@code POST /subjects/{subject}/versions}: registers the schema, returns its id. */
  int register(String subject, Schema schema) throws Exception {
    return send("POST", "/subjects/" + subject + "/versions", Map.of("schema", schema.toString()), 200)
        .get("id").asInt();
  }

  /** {@code GET /subjects/{subject}/versions/latest}: the id of the subject's latest version. */
  int latestId(String subject) throws Exception {
    return send("GET", "/subjects/" + subject + "/versions/latest", null, 200).get("id").asInt();
  }

  /** {@code GET /subjects/{subject}/versions}: how many versions the subject has. */
  int versionCount(String subject) throws Exception {
    return send("GET", "/subjects/" + subject + "/versions", null, 200).size();
  }

  /** {@code GET /schemas/ids/{id}}: the schema registered with this id. */
  Schema schemaById(int id) throws Exception {
    return new Schema.Parser().parse(send("GET", "/schemas/ids/" + id, null, 200).get("schema").asText());
  }

  private JsonNode send(String method, String path, Object body, int expectedStatus) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", authorization)
        .header("Accept", CONTENT_TYPE);
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", CONTENT_TYPE)
          .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    }
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != expectedStatus) {
      throw new IOException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
    }
    return JSON.readTree(response.body());
  }
}
