package org.ewea.api.config;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Security settings, bound from {@code EWEA_SECURITY_*} (or {@code ewea.security.*}).
 *
 * @param adminTokenFile where the first start writes the admin's one-time API token, readable by the service's
 *     account only ({@code EWEA_SECURITY_ADMIN_TOKEN_FILE}; default {@code admin-token} in the data directory)
 */
@ConfigurationProperties("ewea.security")
public record SecurityProperties(@Nullable Path adminTokenFile) {

    public Path adminTokenFile(EweaProperties ewea) {
        return adminTokenFile != null ? adminTokenFile : ewea.dataDir().resolve("admin-token");
    }
}
