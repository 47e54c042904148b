package com.accountview.projector;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.Errors;

/**
 * How rebuilds run ({@code accountview.rebuild.*}); see docs/projector.md.
 *
 * @param adminToken the bearer token the admin endpoint {@code /actuator/rebuild} requires, at least
 *                   {@value #MIN_ADMIN_TOKEN_LENGTH} characters; with none configured, the endpoint
 *                   answers every request 401
 * @param projectionVersion the projection version to build with and compare the live generation's
 *                          with; unset, the version built into this code. Set it above the live
 *                          generation's to make the next start rebuild with unchanged code.
 * @param maxPollRecords the batch size of a rebuild, a bulk job
 * @param concurrency the consumer threads of a rebuild on each instance. One leaves the queries
 *                    answered meanwhile more CPU on 2 cores, for a somewhat slower rebuild
 *                    (docs/performance.md); once live, the rebuilt generation's consumption
 *                    restarts with the live projection's threads ({@code spring.kafka.listener.concurrency})
 * @param switchMaxLag a rebuilt generation is indexed, attached and switched to once it lags the
 *                     topics' ends by at most this many records in all
 * @param switchWait how long the switch may hold the live projection while the rebuilt generation
 *                   catches up with its last few records; tried again later when too short
 * @param retiredRetention how long a retired generation's partitions are kept before they are dropped
 * @param checkInterval how often every instance looks at the generations: starts or stops their
 *                      consumption, tries the switch, drops what is expired
 * @param progressLogInterval how often a running rebuild logs its progress
 */
@ConfigurationProperties("accountview.rebuild")
public record RebuildProperties(
        String adminToken,
        Integer projectionVersion,
        @DefaultValue("5000") int maxPollRecords,
        @DefaultValue("1") int concurrency,
        @DefaultValue("1000") long switchMaxLag,
        @DefaultValue("2s") Duration switchWait,
        @DefaultValue("10m") Duration retiredRetention,
        @DefaultValue("2s") Duration checkInterval,
        @DefaultValue("10s") Duration progressLogInterval) implements Settings {

    /** Shorter shared secrets are refused: a rebuild costs the whole history's replay, and the token is all that guards it. */
    public static final int MIN_ADMIN_TOKEN_LENGTH = 16;

    /** Rejects every wrong setting at once (see {@link Settings}). */
    @Override
    public void check(Errors errors) {
        int tokenLength = adminToken == null ? 0 : adminToken.strip().length();
        Settings.require(errors, "adminToken", tokenLength == 0 || tokenLength >= MIN_ADMIN_TOKEN_LENGTH,
                "has " + tokenLength + " characters; use at least " + MIN_ADMIN_TOKEN_LENGTH
                        + ", e.g. from `openssl rand -hex 24`, or none to refuse every rebuild request");
        Settings.require(errors, "projectionVersion", projectionVersion == null || projectionVersion >= 1,
                "must be at least 1");
        Settings.require(errors, "maxPollRecords", maxPollRecords >= 1, "must be at least 1");
        Settings.require(errors, "concurrency", concurrency >= 1, "must be at least 1");
        Settings.require(errors, "switchMaxLag", switchMaxLag >= 0, "must not be negative");
        Settings.requirePositive(errors, "switchWait", switchWait);
        Settings.requirePositive(errors, "retiredRetention", retiredRetention);
        Settings.requirePositive(errors, "checkInterval", checkInterval);
        Settings.requirePositive(errors, "progressLogInterval", progressLogInterval);
    }
}
