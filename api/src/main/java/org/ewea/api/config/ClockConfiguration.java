package org.ewea.api.config;

import java.time.Clock;
import java.time.InstantSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service's notion of now. Exercises and tests replace it with a simulated clock. */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    @Bean
    @ConditionalOnMissingBean
    InstantSource instantSource() {
        return Clock.systemUTC();
    }
}
