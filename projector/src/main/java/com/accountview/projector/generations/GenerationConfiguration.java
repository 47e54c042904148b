package com.accountview.projector.generations;

import org.jdbi.v3.core.Jdbi;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Resolves, at start-up and after the migrations ran, the generation that this projector keeps live. */
@Configuration(proxyBeanMethods = false)
class GenerationConfiguration {

    private static final String LIVE = "SELECT id FROM generation WHERE state = 'LIVE'";

    @Bean
    Generation liveGeneration(Jdbi jdbi) {
        Integer id = jdbi.withHandle(handle -> handle.createQuery(LIVE).mapTo(Integer.class).findOne().orElse(null));
        if (id == null) {
            throw new IllegalStateException("The read model has no live generation: the schema is incomplete");
        }
        return new Generation(id);
    }
}
