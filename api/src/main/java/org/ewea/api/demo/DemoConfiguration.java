package org.ewea.api.demo;

import java.util.Optional;
import org.ewea.api.config.EweaProperties;
import org.ewea.collectors.recording.FolderRecording;
import org.ewea.collectors.recording.RecordingFiles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The bundled demo recording, opened once. */
@Configuration(proxyBeanMethods = false)
class DemoConfiguration {

    @Bean
    DemoRecording demoRecording(EweaProperties properties) {
        return new DemoRecording(
                properties.demoEnabled()
                        ? Optional.of(FolderRecording.open(
                                RecordingFiles.classpath(getClass().getClassLoader(), DemoDataLoader.LOCATION)))
                        : Optional.empty());
    }
}
