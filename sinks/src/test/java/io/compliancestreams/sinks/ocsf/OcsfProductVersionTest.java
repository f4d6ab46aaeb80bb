package io.compliancestreams.sinks.ocsf;

import static org.assertj.core.api.Assertions.assertThat;

import io.compliancestreams.schemas.avro.ChangeKind;
import io.compliancestreams.schemas.avro.FindingStatus;
import io.compliancestreams.sinks.testkit.Deltas;
import java.io.File;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** metadata.product.version is the Maven project's version, not a constant someone must bump. */
class OcsfProductVersionTest {

  @Test
  void shouldWriteTheMavenProjectVersionAsProductVersion() throws Exception {
    // Surefire runs in the module's directory; sinks inherits its version from the parent.
    Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new File("pom.xml"));
    String own = XPathFactory.newInstance().newXPath().evaluate("/project/version", pom);
    String projectVersion = own.isBlank()
        ? XPathFactory.newInstance().newXPath().evaluate("/project/parent/version", pom) : own;
    assertThat(projectVersion).isNotBlank();

    OcsfSettings settings = OcsfSettings.of("localhost:9092", "ocsf");
    String written = new OcsfMapper(settings.vendorName(), settings.productVersion(), settings.version())
        .map(Deltas.of(ChangeKind.NEW, null, FindingStatus.FAIL))
        .at("/metadata/product/version").asText();

    assertThat(ProductVersion.current()).isEqualTo(projectVersion);
    assertThat(written).isEqualTo(projectVersion);
  }
}
