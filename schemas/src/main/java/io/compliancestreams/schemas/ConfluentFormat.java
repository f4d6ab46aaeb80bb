package io.compliancestreams.schemas;

import io.compliancestreams.schemas.SchemaException.Problem;
import io.compliancestreams.schemas.SchemaRegistryClient.RegistryException;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/**
 * The Confluent wire format: magic byte {@code 00}, the 4-byte big-endian registry schema id, then the Avro
 * binary body. Subjects follow the TopicNameStrategy: {@code <topic>-key} or {@code <topic>-value}.
 */
final class ConfluentFormat<T extends SpecificRecord> implements WireFormat<T> {

    static final int HEADER_LENGTH = 5;
    static final byte MAGIC_BYTE = 0;

    private final Schema current;
    private final SpecificData model;
    private final SchemaRegistryClient registry;
    private final boolean autoRegister;
    private final SpecificDatumWriter<T> writer;
    private final Map<Integer, SpecificDatumReader<T>> readersById = new ConcurrentHashMap<>();

    ConfluentFormat(Class<T> type, Schema current, SchemaRegistryClient registry, boolean autoRegister) {
        this.current = current;
        this.model = SpecificData.getForClass(type);
        this.registry = registry;
        this.autoRegister = autoRegister;
        this.writer = new SpecificDatumWriter<>(current, model);
    }

    static String subject(String topic, boolean isKey) {
        return topic + (isKey ? "-key" : "-value");
    }

    @Override
    public byte[] encode(String topic, boolean isKey, T record) {
        String subject = subject(topic, isKey);
        int id;
        try {
            id = autoRegister ? registry.register(subject, current) : registry.lookup(subject, current);
        } catch (RegistryException e) {
            throw failure(topic, e, (autoRegister ? "cannot register schema " : "cannot look up schema ")
                    + current.getFullName() + " under subject " + subject);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        out.write(MAGIC_BYTE);
        out.writeBytes(ByteBuffer.allocate(4).putInt(id).array());
        try {
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            writer.write(record, encoder);
            encoder.flush();
        } catch (IOException | RuntimeException e) {
            throw new SchemaException(topic, Problem.ENCODING_FAILED,
                    "cannot encode " + current.getName() + ": " + e, e);
        }
        return out.toByteArray();
    }

    @Override
    public T decode(String topic, byte[] payload) {
        if (payload.length < HEADER_LENGTH) {
            throw new SchemaException(topic, Problem.TRUNCATED_PAYLOAD, "truncated payload: " + payload.length
                    + " bytes, shorter than the " + HEADER_LENGTH + "-byte Confluent header");
        }
        if (payload[0] != MAGIC_BYTE) {
            throw new SchemaException(topic, Problem.UNKNOWN_HEADER,
                    String.format("unknown magic byte 0x%02X (expected 0x00)", payload[0]));
        }
        int id = ByteBuffer.wrap(payload, 1, 4).getInt();
        SpecificDatumReader<T> reader = readerFor(topic, id);
        try {
            return reader.read(null, DecoderFactory.get()
                    .binaryDecoder(payload, HEADER_LENGTH, payload.length - HEADER_LENGTH, null));
        } catch (IOException | RuntimeException e) {
            if (SingleObjectFormat.hasCause(e, EOFException.class)) {
                throw new SchemaException(topic, Problem.TRUNCATED_PAYLOAD, "truncated payload: Avro body of "
                        + (payload.length - HEADER_LENGTH) + " bytes for schema id " + id + " ends early", e);
            }
            throw new SchemaException(topic, Problem.CORRUPT_PAYLOAD,
                    "cannot decode Avro body written with schema id " + id + ": " + e, e);
        }
    }

    private SpecificDatumReader<T> readerFor(String topic, int id) {
        SpecificDatumReader<T> reader = readersById.get(id);
        if (reader != null) {
            return reader;
        }
        Schema writerSchema;
        try {
            writerSchema = registry.schemaById(id);
        } catch (RegistryException e) {
            if (e.httpStatus() == 404) {
                throw new SchemaException(topic, Problem.UNKNOWN_SCHEMA,
                        "unknown schema id " + id + " (" + e.getMessage() + ")", e);
            }
            throw failure(topic, e, "cannot fetch schema id " + id);
        }
        reader = new SpecificDatumReader<>(writerSchema, current, model);
        SpecificDatumReader<T> previous = readersById.putIfAbsent(id, reader);
        return previous == null ? reader : previous;
    }

    private SchemaException failure(String topic, RegistryException e, String what) {
        int status = e.httpStatus();
        Problem problem;
        if (status == 0 || status >= 500) {
            problem = Problem.REGISTRY_UNAVAILABLE;
        } else if (status == 401 || status == 403) {
            problem = Problem.REGISTRY_UNAUTHORIZED;
        } else if (status == 404) {
            problem = Problem.UNKNOWN_SCHEMA;
        } else if (status == 409) {
            problem = Problem.INCOMPATIBLE_SCHEMA;
        } else if (status == 422) {
            problem = Problem.INVALID_SCHEMA;
        } else {
            problem = Problem.REGISTRY_ERROR;
        }
        String label = switch (problem) {
            case REGISTRY_UNAVAILABLE -> "schema registry unavailable";
            case REGISTRY_UNAUTHORIZED -> "schema registry refused the credentials";
            case UNKNOWN_SCHEMA -> "schema not registered";
            case INCOMPATIBLE_SCHEMA -> "schema incompatible with the registered versions";
            case INVALID_SCHEMA -> "schema invalid";
            default -> "schema registry error";
        };
        return new SchemaException(topic, problem, label + ": " + what + ": " + e.getMessage(), e);
    }
}
