package io.compliancestreams.sinks.ocsf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version of this build, as Maven filtered it into {@code product.properties} (see
 * sinks/pom.xml), for {@code metadata.product.version}: a SIEM can then tell which release
 * produced an event, and no release forgets to bump a constant.
 */
final class ProductVersion {

  static final String RESOURCE = "product.properties";

  private ProductVersion() {}

  /** The build's version, e.g. {@code 0.1.0-SNAPSHOT}; fails when the resource was not filtered. */
  static String current() {
    Properties p = new Properties();
    try (InputStream in = ProductVersion.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the sinks jar");
      }
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
    String version = p.getProperty("version", "");
    if (version.isBlank() || version.contains("${")) {
      throw new IllegalStateException(RESOURCE + " was not filtered by the build: version=" + version);
    }
    return version;
  }
}
