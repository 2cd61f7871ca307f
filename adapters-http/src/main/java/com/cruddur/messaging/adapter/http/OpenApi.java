package com.cruddur.messaging.adapter.http;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/** The OpenAPI document's header; the paths are generated from the controllers at compile time. */
@OpenAPIDefinition(
        info = @Info(title = "Cruddur Messaging", version = "1.0",
                description = "Direct messages of Cruddur: a drop-in replacement for the original Flask backend."),
        security = @SecurityRequirement(name = "cognito"))
@SecurityScheme(name = "cognito", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "A Cognito access token of the configured user pool and app client")
public interface OpenApi {
}
