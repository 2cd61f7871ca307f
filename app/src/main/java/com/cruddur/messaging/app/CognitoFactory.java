package com.cruddur.messaging.app;

import com.cruddur.messaging.adapter.http.security.CognitoConfiguration;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/** The user pool's admin API, for the {@code cognito} commands ({@code cruddur.cognito.endpoint} points it elsewhere, e.g. a stub). */
@Factory
class CognitoFactory {

    @Singleton
    @Bean(preDestroy = "close")
    CognitoIdentityProviderClient cognitoIdentityProvider(CognitoConfiguration cognito, AwsCredentialsProviderChain credentials,
                                                          @Value("${cruddur.cognito.endpoint:}") String endpoint) {
        var builder = CognitoIdentityProviderClient.builder()
                .region(Region.of(cognito.region()))
                .credentialsProvider(credentials)
                .httpClientBuilder(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(2))
                        .socketTimeout(Duration.ofSeconds(10)));
        if (!endpoint.isBlank()) {
            builder.endpointOverride(URI.create(endpoint));
        }
        return builder.build();
    }
}
