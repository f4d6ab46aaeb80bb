package io.compliancestreams.schemas;

import io.compliancestreams.schemas.redact.Redactor;
import java.util.Objects;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The one exception the serdes in this package raise: bytes that cannot be decoded, a record that cannot be
 * encoded, or a schema registry that refuses or cannot be reached. The message always starts with
 * {@code topic <name>: } followed by the problem, so it can go to a dead-letter header as it is; it is
 * redacted of registered secrets ({@link Redactor}).
 */
public final class SchemaException extends SerializationException {

    private static final long serialVersionUID = 1L;

    /** What went wrong, for callers (dead-letter routing, metrics) that branch on it. */
    public enum Problem {
        /** The payload ends before its header or its Avro body does. */
        TRUNCATED_PAYLOAD,
        /** The payload does not start with the single-object marker (C3 01) or the Confluent magic byte (00). */
        UNKNOWN_HEADER,
        /** The schema fingerprint or registry schema id is not known (registry 404: error_code 40401 / 40403). */
        UNKNOWN_SCHEMA,
        /** The header is fine but the Avro body cannot be read with the current schema. */
        CORRUPT_PAYLOAD,
        /** A record could not be written (e.g. a required field is null). */
        ENCODING_FAILED,
        /** The registry answered 401 or 403. */
        REGISTRY_UNAUTHORIZED,
        /** The registry refused to register the schema as incompatible (409). */
        INCOMPATIBLE_SCHEMA,
        /** The registry refused the schema as invalid (422), or returned a schema we cannot parse. */
        INVALID_SCHEMA,
        /** No answer from the registry (connection refused, timeout, TLS failure) or a 5xx. */
        REGISTRY_UNAVAILABLE,
        /** Any other registry error response. */
        REGISTRY_ERROR
    }

    private final String topic;
    private final Problem problem;

    SchemaException(String topic, Problem problem, String detail) {
        this(topic, problem, detail, null);
    }

    SchemaException(String topic, Problem problem, String detail, Throwable cause) {
        // A registry may echo the request (Basic-auth header included) in its error body.
        super(Redactor.redact("topic " + topic + ": " + detail), cause);
        this.topic = topic;
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    /** The topic whose record failed. */
    public String topic() {
        return topic;
    }

    /** What went wrong. */
    public Problem problem() {
        return problem;
    }
}
