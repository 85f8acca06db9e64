package org.ewea.api.security;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Configuration;

/** Declares the bearer token in the OpenAPI document, so that Swagger UI can send it ("Authorize"). */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(
        info =
                @Info(
                        title = "EW/EA",
                        description = "Early Warning / Early Action horizon scanning. Every /api/v1"
                                + " route needs 'Authorization: Bearer <token>'; the first admin token is written to the data"
                                + " directory at first start (docs/security.md).",
                        license = @License(name = "EUPL-1.2")),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(
        name = "bearer",
        type = SecuritySchemeType.HTTP,
        scheme = "bearer",
        description = "An EW/EA API token: ewea_<id>_<secret>")
class OpenApiSecurity {}
