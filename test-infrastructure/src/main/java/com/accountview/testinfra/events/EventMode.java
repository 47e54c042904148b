package com.accountview.testinfra.events;

/** How a {@link TestEvent} is laid out in a Kafka record (CloudEvents Kafka protocol binding). */
public enum EventMode {
    /** The value is the whole CloudEvent as JSON; {@code content-type: application/cloudevents+json}. */
    STRUCTURED,
    /** The attributes are {@code ce_*} headers, {@code content-type: application/json}, the value is {@code data}. */
    BINARY,
    /** Like {@link #STRUCTURED} but without any content-type header, as plain producers such as kcat send it. */
    PLAIN
}
