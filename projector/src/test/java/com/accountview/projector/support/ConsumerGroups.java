package com.accountview.projector.support;

import java.util.List;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;

/** What the broker says about a consumer group, for tests that wait for its members to settle. */
public final class ConsumerGroups {

    private ConsumerGroups() {
    }

    /** The group has exactly {@code members} members (consumer threads of all instances), each with partitions of its own. */
    public static boolean everyMemberOwnsPartitions(Admin admin, String group, int members) throws Exception {
        ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all().get().get(group);
        return description.members().size() == members && description.members().stream()
                .map(MemberDescription::assignment)
                .allMatch(assignment -> !assignment.topicPartitions().isEmpty());
    }
}
