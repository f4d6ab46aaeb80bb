package io.compliancestreams.schemas;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;

/**
 * Every released version of a contract, read from {@code avro/history/<Name>/v1.avsc}, {@code v2.avsc}, ...
 * on the classpath. Versions are consecutive: the first missing number ends the list.
 */
final class SchemaHistory {

    static final String ROOT = "avro/history/";

    private SchemaHistory() {
    }

    /** Released versions of the contract with this simple record name, oldest first; empty when none. */
    static List<Schema> versions(String recordName) {
        List<Schema> versions = new ArrayList<>();
        ClassLoader loader = SchemaHistory.class.getClassLoader();
        for (int version = 1; ; version++) {
            String resource = ROOT + recordName + "/v" + version + ".avsc";
            try (InputStream in = loader.getResourceAsStream(resource)) {
                if (in == null) {
                    return List.copyOf(versions);
                }
                versions.add(new Schema.Parser().parse(in));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + resource, e);
            }
        }
    }
}
