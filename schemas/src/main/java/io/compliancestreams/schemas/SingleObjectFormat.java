package io.compliancestreams.schemas;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.message.SchemaStore;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Avro single-object encoding: {@code C3 01}, the 8-byte little-endian CRC-64-AVRO fingerprint of the writer
 * schema, then the Avro binary body. Decodes payloads written with the current schema or any released version.
 */
final class SingleObjectFormat<T extends SpecificRecord> implements WireFormat<T> {

    static final int HEADER_LENGTH = 10;
    private static final byte MARKER_0 = (byte) 0xC3;
    private static final byte MARKER_1 = (byte) 0x01;

    private final BinaryMessageEncoder<T> encoder;
    private final BinaryMessageDecoder<T> decoder;
    private final Set<Long> knownFingerprints = new HashSet<>();

    /**
     * @param type          the generated class
     * @param writerSchemas earlier versions this decoder must also read (the current schema is always known)
     */
    SingleObjectFormat(Class<T> type, Schema current, List<Schema> writerSchemas) {
        SpecificData model = SpecificData.getForClass(type);
        SchemaStore.Cache store = new SchemaStore.Cache();
        for (Schema writer : writerSchemas) {
            store.addSchema(writer);
            knownFingerprints.add(SchemaNormalization.parsingFingerprint64(writer));
        }
        store.addSchema(current);
        knownFingerprints.add(SchemaNormalization.parsingFingerprint64(current));
        this.encoder = new BinaryMessageEncoder<>(model, current);
        this.decoder = new BinaryMessageDecoder<>(model, current, store);
    }

    @Override
    public byte[] encode(String topic, boolean isKey, T record) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try {
            encoder.encode(record, out);
        } catch (IOException | RuntimeException e) {
            throw new SchemaException(topic, SchemaException.Problem.ENCODING_FAILED,
                    "cannot encode " + record.getSchema().getName() + ": " + e, e);
        }
        return out.toByteArray();
    }

    @Override
    public T decode(String topic, byte[] payload) {
        if (payload.length < HEADER_LENGTH) {
            throw new SchemaException(topic, SchemaException.Problem.TRUNCATED_PAYLOAD,
                    "truncated payload: " + payload.length + " bytes, shorter than the " + HEADER_LENGTH
                            + "-byte single-object header");
        }
        if (payload[0] != MARKER_0 || payload[1] != MARKER_1) {
            throw new SchemaException(topic, SchemaException.Problem.UNKNOWN_HEADER,
                    String.format("unknown single-object marker 0x%02X%02X (expected 0xC301)", payload[0], payload[1]));
        }
        long fingerprint = ByteBuffer.wrap(payload, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        if (!knownFingerprints.contains(fingerprint)) {
            throw new SchemaException(topic, SchemaException.Problem.UNKNOWN_SCHEMA,
                    String.format("unknown schema fingerprint 0x%016x", fingerprint));
        }
        try {
            return decoder.decode(payload);
        } catch (IOException | RuntimeException e) {
            if (hasCause(e, EOFException.class)) {
                throw new SchemaException(topic, SchemaException.Problem.TRUNCATED_PAYLOAD,
                        "truncated payload: Avro body of " + (payload.length - HEADER_LENGTH)
                                + " bytes ends early", e);
            }
            throw new SchemaException(topic, SchemaException.Problem.CORRUPT_PAYLOAD,
                    "cannot decode Avro body: " + e, e);
        }
    }

    static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
