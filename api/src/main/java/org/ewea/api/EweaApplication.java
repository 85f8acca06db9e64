package org.ewea.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Starts the EW/EA service. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class EweaApplication {

    public static void main(String[] args) {
        SpringApplication.run(EweaApplication.class, args);
    }
}
