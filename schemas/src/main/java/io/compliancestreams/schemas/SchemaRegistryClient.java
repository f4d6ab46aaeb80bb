package io.compliancestreams.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.compliancestreams.schemas.redact.Redactor;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.apache.kafka.common.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small client for the Confluent Schema Registry REST API (v1), the three calls the serdes need:
 * register ({@code POST /subjects/{subject}/versions}), look up ({@code POST /subjects/{subject}}) and fetch by
 * id ({@code GET /schemas/ids/{id}}). Ids and schemas are cached both ways; the registry never changes the
 * schema behind an id, so the cache never expires.
 */
final class SchemaRegistryClient {

    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    static final String ACCEPT =
            "application/vnd.schemaregistry.v1+json, application/vnd.schemaregistry+json; qs=0.9, application/json; qs=0.5";

    private static final Logger LOG = LoggerFactory.getLogger(SchemaRegistryClient.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final String baseUrl;
    private final Optional<String> authorization;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<SubjectSchema, Integer> idsBySubjectSchema = new ConcurrentHashMap<>();
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();

    SchemaRegistryClient(SerdeConfig config) {
        if (!config.usesRegistry()) {
            throw new IllegalArgumentException("no " + SerdeConfig.SCHEMA_REGISTRY_URL + " configured");
        }
        this.baseUrl = config.registryUrl();
        this.authorization = Optional.ofNullable(config.basicAuthUserInfo())
                .map(userInfo -> "Basic " + Base64.getEncoder()
                        .encodeToString(userInfo.getBytes(StandardCharsets.UTF_8)));
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT);
        if (config.truststoreLocation() != null) {
            builder.sslContext(sslContext(config.truststoreLocation(), config.truststorePassword()));
        }
        this.http = builder.build();
    }

    String baseUrl() {
        return baseUrl;
    }

    /** Registers the schema under the subject (idempotent on the registry side) and returns its global id. */
    int register(String subject, Schema schema) throws RegistryException {
        SubjectSchema key = new SubjectSchema(subject, schema.toString());
        Integer cached = idsBySubjectSchema.get(key);
        if (cached != null) {
            return cached;
        }
        JsonNode body = send(post("/subjects/" + encode(subject) + "/versions", key.schema()));
        int id = requiredId(body);
        remember(key, id, schema);
        LOG.debug("Registered schema {} under subject {} as id {}", schema.getFullName(), subject, id);
        return id;
    }

    /** Looks up the id of a schema already registered under the subject (404 when it is not). */
    int lookup(String subject, Schema schema) throws RegistryException {
        SubjectSchema key = new SubjectSchema(subject, schema.toString());
        Integer cached = idsBySubjectSchema.get(key);
        if (cached != null) {
            return cached;
        }
        JsonNode body = send(post("/subjects/" + encode(subject), key.schema()));
        int id = requiredId(body);
        remember(key, id, schema);
        return id;
    }

    /** The schema with this global id. */
    Schema schemaById(int id) throws RegistryException {
        Schema cached = schemasById.get(id);
        if (cached != null) {
            return cached;
        }
        JsonNode body = send(request("/schemas/ids/" + id).GET().build());
        String type = body.path("schemaType").asText("AVRO");
        if (!"AVRO".equals(type)) {
            throw new RegistryException(200, 0, "schema id " + id + " is a " + type + " schema, not Avro");
        }
        JsonNode text = body.get("schema");
        if (text == null || !text.isTextual()) {
            throw new RegistryException(200, 0, "response for schema id " + id + " has no \"schema\" string");
        }
        Schema schema;
        try {
            schema = new Schema.Parser().parse(text.asText());
        } catch (SchemaParseException e) {
            throw new RegistryException(422, 42201, "schema id " + id + " does not parse: " + e.getMessage());
        }
        Schema previous = schemasById.putIfAbsent(id, schema);
        return previous == null ? schema : previous;
    }

    private void remember(SubjectSchema key, int id, Schema schema) {
        idsBySubjectSchema.put(key, id);
        schemasById.putIfAbsent(id, schema);
    }

    private HttpRequest post(String path, String schema) throws RegistryException {
        String body;
        try {
            body = json.writeValueAsString(Map.of("schema", schema));
        } catch (IOException e) {
            throw new RegistryException(0, 0, "cannot write request body: " + e.getMessage());
        }
        return request(path)
                .header("Content-Type", CONTENT_TYPE)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", ACCEPT);
        authorization.ifPresent(value -> builder.header("Authorization", value));
        return builder;
    }

    private JsonNode send(HttpRequest request) throws RegistryException {
        // The request URI already holds the base URL, its path included (Apicurio's /apis/ccompat/v7).
        String where = request.method() + " " + request.uri();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new RegistryException(0, 0, where + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryException(0, 0, where + " interrupted");
        }
        int status = response.statusCode();
        JsonNode body;
        try {
            body = json.readTree(response.body());
        } catch (IOException e) {
            body = null;
        }
        if (status / 100 == 2) {
            if (body == null || !body.isObject()) {
                throw new RegistryException(status, 0, where + " returned a body that is not a JSON object");
            }
            return body;
        }
        int errorCode = body != null && body.has("error_code") ? body.get("error_code").asInt() : status;
        // Redacted before it is cut short: a cut through a secret would leave a piece no redactor recognises.
        String message = body != null && body.hasNonNull("message") ? body.get("message").asText()
                : abbreviate(Redactor.redact(response.body()));
        throw new RegistryException(status, errorCode, where + " returned HTTP " + status
                + " (error_code " + errorCode + "): " + message);
    }

    private static int requiredId(JsonNode body) throws RegistryException {
        JsonNode id = body.get("id");
        if (id == null || !id.canConvertToInt()) {
            throw new RegistryException(200, 0, "registry response has no integer \"id\": " + abbreviate(body.toString()));
        }
        return id.asInt();
    }

    private static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }

    static SSLContext sslContext(String location, String password) {
        char[] secret = password == null ? null : password.toCharArray();
        try (InputStream in = Files.newInputStream(Path.of(location))) {
            KeyStore trustStore = KeyStore.getInstance(KeyStore.getDefaultType());
            trustStore.load(in, secret);
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trustStore);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            // The message names the key and the file, never the password.
            throw new ConfigException(SerdeConfig.TRUSTSTORE_LOCATION + " " + location + " cannot be loaded: "
                    + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private record SubjectSchema(String subject, String schema) {
    }

    /** A registry call failed; {@code httpStatus} is 0 when no response arrived. */
    static final class RegistryException extends Exception {

        private static final long serialVersionUID = 1L;
        private final int httpStatus;
        private final int errorCode;

        RegistryException(int httpStatus, int errorCode, String message) {
            super(Redactor.redact(message));
            this.httpStatus = httpStatus;
            this.errorCode = errorCode;
        }

        int httpStatus() {
            return httpStatus;
        }

        int errorCode() {
            return errorCode;
        }
    }
}
