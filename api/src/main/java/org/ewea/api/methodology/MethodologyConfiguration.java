package org.ewea.api.methodology;

import org.ewea.api.config.EweaProperties;
import org.ewea.methodology.definition.Methodology;
import org.ewea.methodology.definition.MethodologyLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Loads the methodology once at start. An invalid definition stops the service with the file, line and reason: a
 * service that scored under a half-loaded method would be worse than one that does not start.
 */
@Configuration(proxyBeanMethods = false)
class MethodologyConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(MethodologyConfiguration.class);

    @Bean
    Methodology methodology(EweaProperties properties) {
        Methodology methodology = new MethodologyLoader().load(properties.methodologyDir());
        LOG.info(
                "Methodology {} {} loaded: {} technologies, {} recommendations, {} grading schemes (from {})",
                methodology.name(),
                methodology.versionId(),
                methodology.taxonomy().size(),
                methodology.playbooks().recommendations().size(),
                methodology.grading().all().size(),
                properties.methodologyDir() == null ? "defaults" : "defaults + " + properties.methodologyDir());
        return methodology;
    }
}
