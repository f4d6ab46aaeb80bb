package io.compliancestreams.schemas;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * How the Avro serdes put records on the wire.
 *
 * <p>Without a registry URL the serdes use Avro single-object encoding and need no network. With one they use
 * the Confluent wire format and talk to the Schema Registry REST API at that URL.
 *
 * @param registryUrl        base URL of the schema registry ({@code http://} or {@code https://}), or null for
 *                           single-object encoding
 * @param basicAuthUserInfo  {@code user:password} for HTTP basic authentication, or null
 * @param truststoreLocation path of a truststore (PKCS12 or JKS) holding the registry's CA, or null for the JVM default
 * @param truststorePassword password of that truststore, or null
 * @param autoRegister       register the current schema on first use (true) or only look it up (false)
 */
public record SerdeConfig(
        String registryUrl,
        String basicAuthUserInfo,
        String truststoreLocation,
        String truststorePassword,
        boolean autoRegister) {

    /** Base URL of the Confluent-compatible schema registry; absent or blank selects single-object encoding. */
    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    /** {@code user:password} for basic authentication against the registry. */
    public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
    /** Truststore file for a TLS registry. */
    public static final String TRUSTSTORE_LOCATION = "schema.registry.ssl.truststore.location";
    /** Password of that truststore. */
    public static final String TRUSTSTORE_PASSWORD = "schema.registry.ssl.truststore.password";
    /** Whether serializers register the current schema (default true) or only look its id up. */
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";

    public SerdeConfig {
        registryUrl = blankToNull(registryUrl);
        basicAuthUserInfo = blankToNull(basicAuthUserInfo);
        truststoreLocation = blankToNull(truststoreLocation);
        truststorePassword = blankToNull(truststorePassword);
        if (registryUrl != null) {
            registryUrl = validUrl(registryUrl);
        }
        if (basicAuthUserInfo != null && basicAuthUserInfo.indexOf(':') < 0) {
            throw new ConfigException(BASIC_AUTH_USER_INFO + " must have the form user:password");
        }
        if (truststorePassword != null && truststoreLocation == null) {
            throw new ConfigException(TRUSTSTORE_PASSWORD + " is set but " + TRUSTSTORE_LOCATION + " is not");
        }
    }

    /** Single-object encoding, no registry. */
    public static SerdeConfig singleObject() {
        return new SerdeConfig(null, null, null, null, true);
    }

    /** Confluent wire format against this registry, no authentication, default trust, auto-register on. */
    public static SerdeConfig registry(String url) {
        if (blankToNull(url) == null) {
            throw new ConfigException(SCHEMA_REGISTRY_URL + " must not be blank");
        }
        return new SerdeConfig(url, null, null, null, true);
    }

    /**
     * Reads the Kafka-style keys ({@value #SCHEMA_REGISTRY_URL}, {@value #BASIC_AUTH_USER_INFO},
     * {@value #TRUSTSTORE_LOCATION}, {@value #TRUSTSTORE_PASSWORD}, {@value #AUTO_REGISTER_SCHEMAS}); other keys
     * are ignored, so a whole producer or Streams config can be passed. Values may be strings, Kafka
     * {@link Password}s or (for the flag) booleans.
     *
     * @throws ConfigException naming the offending key
     */
    public static SerdeConfig fromMap(Map<String, ?> configs) {
        return new SerdeConfig(
                string(configs, SCHEMA_REGISTRY_URL),
                string(configs, BASIC_AUTH_USER_INFO),
                string(configs, TRUSTSTORE_LOCATION),
                string(configs, TRUSTSTORE_PASSWORD),
                flag(configs, AUTO_REGISTER_SCHEMAS, true));
    }

    /** True when a registry URL is configured (Confluent wire format). */
    public boolean usesRegistry() {
        return registryUrl != null;
    }

    /** Copy with auto-registration switched on or off. */
    public SerdeConfig withAutoRegister(boolean value) {
        return new SerdeConfig(registryUrl, basicAuthUserInfo, truststoreLocation, truststorePassword, value);
    }

    /** Never prints the basic-auth password or the truststore password. */
    @Override
    public String toString() {
        String user = basicAuthUserInfo == null ? null
                : basicAuthUserInfo.substring(0, basicAuthUserInfo.indexOf(':')) + ":[hidden]";
        return "SerdeConfig[registryUrl=" + registryUrl
                + ", basicAuthUserInfo=" + user
                + ", truststoreLocation=" + truststoreLocation
                + ", truststorePassword=" + (truststorePassword == null ? null : "[hidden]")
                + ", autoRegister=" + autoRegister + "]";
    }

    private static String validUrl(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new ConfigException(SCHEMA_REGISTRY_URL + " is not a valid URL: " + e.getReason());
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new ConfigException(SCHEMA_REGISTRY_URL + " must be one http:// or https:// URL, got " + url);
        }
        if (uri.getRawUserInfo() != null) {
            // Refused rather than silently used: it would end up in logs. Credentials go in basic.auth.user.info.
            throw new ConfigException(SCHEMA_REGISTRY_URL + " must not carry credentials; use " + BASIC_AUTH_USER_INFO);
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String string(Map<String, ?> configs, String key) {
        Object value = configs.get(key);
        if (value == null) {
            return null;
        }
        if (value instanceof Password password) {
            return password.value();
        }
        if (value instanceof String s) {
            return s;
        }
        throw new ConfigException(key + " must be a string, got " + value.getClass().getSimpleName());
    }

    private static boolean flag(Map<String, ?> configs, String key, boolean defaultValue) {
        Object value = configs.get(key);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        String text = value.toString().trim();
        if (text.equalsIgnoreCase("true")) {
            return true;
        }
        if (text.equalsIgnoreCase("false")) {
            return false;
        }
        throw new ConfigException(key, value, "must be true or false");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
