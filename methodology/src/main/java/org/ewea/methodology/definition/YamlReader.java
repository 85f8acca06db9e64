package org.ewea.methodology.definition;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Reads definition files into records strictly: unknown keys, missing primitives and wrong types are errors. */
public final class YamlReader {

    private final ObjectMapper yaml = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .build();

    public <T> T read(DefinitionFile file, Class<T> type) {
        try {
            T value = yaml.readValue(file.text(), type);
            if (value == null) {
                throw file.error("the file is empty");
            }
            return value;
        } catch (JacksonException e) {
            throw new DefinitionException(
                    file.origin(), YamlErrorLines.lineOf(e, file.text()), e.getOriginalMessage(), e);
        }
    }
}
