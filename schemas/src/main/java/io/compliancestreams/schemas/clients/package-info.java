/**
 * The Kafka client configuration every module's clients start from ({@link
 * io.compliancestreams.schemas.clients.KafkaClientConfig}): built and validated once by the app
 * from {@code kafka.*} keys, so security settings reach every producer, consumer, admin client and
 * Kafka Streams instance alike. Here because it is the one module all others depend on.
 */
package io.compliancestreams.schemas.clients;
