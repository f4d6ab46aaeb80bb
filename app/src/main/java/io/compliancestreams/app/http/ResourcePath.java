package io.compliancestreams.app.http;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A resource page's path, {@code /resources/<key as lower-case hex of its UTF-8 bytes>}. A resource
 * key ({@code 123456789012/eu-west-1/AWS::S3::Bucket/name}) holds '/', ':' and upper case, which
 * the canonical-path rule (lower case, no escapes, no double slash) refuses; hex is the one
 * encoding made of lower-case letters and digits only, so every key has exactly one page URL and
 * the guard's guarantees stay whole. text.js builds the same path in the pages.
 */
final class ResourcePath {

  /** The segment: an even number of lower-case hex digits (a key of at most 2,048 bytes). */
  static final Pattern SEGMENT = Pattern.compile("(?:[0-9a-f]{2}){1,2048}");

  static final String PREFIX = "/resources/";

  private ResourcePath() {}

  static String of(String key) {
    return PREFIX + HexFormat.of().formatHex(key.getBytes(StandardCharsets.UTF_8));
  }

  /** The key a segment names, or empty when it is not one (not hex, or not UTF-8). */
  static Optional<String> key(String segment) {
    if (!SEGMENT.matcher(segment).matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(HexFormat.of().parseHex(segment))).toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }
}
