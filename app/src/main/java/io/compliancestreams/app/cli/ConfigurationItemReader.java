package io.compliancestreams.app.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.compliancestreams.streams.practices.ConfigurationItem;
import io.compliancestreams.streams.practices.ConfigurationItemJson;
import io.compliancestreams.streams.practices.MalformedItemException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Reads configuration items from a file or stdin in any of the shapes users have at hand: a JSON
 * array, JSON lines (or concatenated JSON values), an AWS Config snapshot or history file ({@code
 * {"configurationItems": [...]}}), a single item; gzip-compressed or not (AWS Config delivers
 * {@code .json.gz}). Errors name the source and the position.
 */
final class ConfigurationItemReader {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  List<ConfigurationItem> read(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return read(file.toString(), in);
    } catch (NoSuchFileException e) {
      throw new InputError(file + ": no such file");
    } catch (IOException e) {
      throw new InputError(file + ": cannot read (" + e.getMessage() + ")");
    }
  }

  List<ConfigurationItem> read(String source, InputStream raw) {
    List<ConfigurationItem> items = new ArrayList<>();
    try (InputStream in = maybeGunzip(raw);
        MappingIterator<JsonNode> values = MAPPER.readerFor(JsonNode.class).readValues(in)) {
      int valueIndex = 0;
      while (values.hasNextValue()) {
        JsonLocation where = values.getParser().currentLocation();
        JsonNode value = values.nextValue();
        valueIndex++;
        try {
          items.addAll(ConfigurationItemJson.readAll(value));
        } catch (MalformedItemException e) {
          throw new InputError(
              source + ": value " + valueIndex + " (line " + where.getLineNr() + "): "
                  + e.getMessage());
        }
      }
    } catch (JsonProcessingException e) {
      JsonLocation loc = e.getLocation();
      String at = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
      throw new InputError(source + ": not valid JSON" + at + " (" + e.getOriginalMessage() + ")");
    } catch (IOException e) {
      throw new InputError(source + ": cannot read (" + e.getMessage() + ")");
    } catch (RuntimeException e) {
      if (e instanceof InputError) {
        throw e;
      }
      // Jackson wraps parse errors met while iterating in a RuntimeJsonMappingException.
      Throwable cause = e.getCause() instanceof JsonProcessingException ? e.getCause() : e;
      throw new InputError(source + ": not valid JSON (" + cause.getMessage().lines().findFirst().orElse("") + ")");
    }
    return items;
  }

  private static InputStream maybeGunzip(InputStream raw) throws IOException {
    BufferedInputStream in = new BufferedInputStream(raw);
    in.mark(2);
    int b1 = in.read();
    int b2 = in.read();
    in.reset();
    boolean gzip = b1 == 0x1f && b2 == 0x8b;
    return gzip ? new GZIPInputStream(in) : in;
  }
}
