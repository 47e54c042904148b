package com.accountview.projector.events;

import java.math.BigInteger;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;

/**
 * The CloudEvents attributes of one event, validated.
 *
 * @param id unique event id, for logs, dead letters and metrics
 * @param source the upstream system
 * @param type the CloudEvents type, e.g. {@code customers.account.updated}
 * @param time when it happened upstream
 * @param subject the entity id; equal to the Kafka record key
 * @param orgId the organization (tenant)
 * @param sequence the entity's version, compared as a number
 */
public record EventMetadata(String id, URI source, String type, Instant time, UUID subject, String orgId,
                            BigInteger sequence) {
}
