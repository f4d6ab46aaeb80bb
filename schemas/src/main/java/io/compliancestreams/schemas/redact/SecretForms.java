package io.compliancestreams.schemas.redact;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The shapes one secret takes on its way out: as is; URL-encoded (query strings, form bodies, a
 * proxy logging the request line); Base64 standard and URL-safe, with and without padding (some
 * clients strip it), and the standard one URL-encoded; with JSON's escaped slashes. A URL
 * (the Slack webhook) also yields its path and last path segment, which are the secret part, each
 * in the same forms.
 */
final class SecretForms {

  private SecretForms() {}

  static Set<String> of(String secret) {
    Set<String> forms = new LinkedHashSet<>();
    addEncodings(forms, secret);
    if (secret.startsWith("http://") || secret.startsWith("https://")) {
      try {
        String path = new URI(secret).getRawPath();
        if (path != null && !path.isEmpty() && !path.equals("/")) {
          addEncodings(forms, path);
          String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
          addEncodings(forms, trimmed.substring(trimmed.lastIndexOf('/') + 1));
        }
      } catch (URISyntaxException e) {
        // Not a URL after all: the value itself is registered.
      }
    }
    return forms;
  }

  private static void addEncodings(Set<String> forms, String value) {
    forms.add(value);
    String urlEncoded = URLEncoder.encode(value, StandardCharsets.UTF_8);
    forms.add(urlEncoded);
    forms.add(urlEncoded.replace("+", "%20"));
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    String base64 = Base64.getEncoder().encodeToString(bytes);
    forms.add(base64);
    forms.add(Base64.getEncoder().withoutPadding().encodeToString(bytes));
    forms.add(URLEncoder.encode(base64, StandardCharsets.UTF_8));
    forms.add(Base64.getUrlEncoder().encodeToString(bytes));
    forms.add(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    forms.add(value.replace("/", "\\/"));
  }
}
