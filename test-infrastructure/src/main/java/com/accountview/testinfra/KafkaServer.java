package com.accountview.testinfra;

/** A running Kafka broker, whatever starts it. */
interface KafkaServer {

    String bootstrapServers();

    void stop();
}
