package io.compliancestreams.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SerdeConfigTest {

    @Test
    void shouldReadKafkaStyleKeysAndIgnoreOthers() {
        SerdeConfig config = SerdeConfig.fromMap(Map.of(
                "schema.registry.url", "https://registry.example.com:8081/",
                "basic.auth.user.info", new Password("svc:s3cret"),
                "schema.registry.ssl.truststore.location", "/etc/ssl/registry.p12",
                "schema.registry.ssl.truststore.password", "changeit",
                "auto.register.schemas", "false",
                "bootstrap.servers", "localhost:9092"));

        assertThat(config).isEqualTo(new SerdeConfig("https://registry.example.com:8081", "svc:s3cret",
                "/etc/ssl/registry.p12", "changeit", false));
        assertThat(config.usesRegistry()).isTrue();
    }

    @Test
    void shouldSelectSingleObjectEncodingWhenNoRegistryUrlIsSet() {
        SerdeConfig config = SerdeConfig.fromMap(Map.of("schema.registry.url", " "));

        assertThat(config.usesRegistry()).isFalse();
        assertThat(config.autoRegister()).isTrue();
        assertThat(config).isEqualTo(SerdeConfig.singleObject());
    }

    @Test
    void shouldNameTheKeyOfAnInvalidFlag() {
        assertThatThrownBy(() -> SerdeConfig.fromMap(Map.of("auto.register.schemas", "sometimes")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("auto.register.schemas");
    }

    @Test
    void shouldRejectUserInfoWithoutColonWithoutEchoingIt() {
        assertThatThrownBy(() -> SerdeConfig.fromMap(Map.of(
                "schema.registry.url", "http://localhost:8081", "basic.auth.user.info", "justapassword")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("basic.auth.user.info")
                .hasMessageNotContaining("justapassword");
    }

    @Test
    void shouldRejectCredentialsInTheUrlAndNonHttpSchemes() {
        assertThatThrownBy(() -> SerdeConfig.registry("http://svc:s3cret@localhost:8081"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("schema.registry.url")
                .hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> SerdeConfig.registry("mock://scope"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("schema.registry.url");
    }

    @Test
    void shouldRejectTruststorePasswordWithoutLocation() {
        assertThatThrownBy(() -> SerdeConfig.fromMap(Map.of("schema.registry.ssl.truststore.password", "changeit")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("schema.registry.ssl.truststore.location");
    }

    @Test
    void shouldHidePasswordsInToString() {
        SerdeConfig config = new SerdeConfig("https://r:8081", "svc:s3cret", "/t.p12", "changeit", true);

        assertThat(config.toString()).contains("svc:[hidden]").doesNotContain("s3cret").doesNotContain("changeit");
    }

    @Test
    void shouldBuildTheRegistryClientFromATruststore(@TempDir Path dir) throws Exception {
        Path truststore = dir.resolve("registry.p12");
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        try (OutputStream out = Files.newOutputStream(truststore)) {
            store.store(out, "changeit".toCharArray());
        }
        SerdeConfig config = new SerdeConfig("https://registry.example.com", null, truststore.toString(), "changeit", true);

        assertThat(new SchemaRegistryClient(config).baseUrl()).isEqualTo("https://registry.example.com");
    }

    @Test
    void shouldFailFastNamingTheKeyWhenTheTruststoreCannotBeRead(@TempDir Path dir) {
        SerdeConfig config = new SerdeConfig("https://registry.example.com", null,
                dir.resolve("missing.p12").toString(), "changeit", true);

        assertThatThrownBy(() -> AvroSerdes.finding(config))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("schema.registry.ssl.truststore.location")
                .hasMessageNotContaining("changeit");
    }
}
