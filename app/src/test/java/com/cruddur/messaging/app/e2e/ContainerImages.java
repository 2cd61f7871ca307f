package com.cruddur.messaging.app.e2e;

import org.testcontainers.utility.DockerImageName;

/**
 * The images of the container engines: the official ones unless {@code -De2e.dynamodb-image} and
 * {@code -De2e.postgres-image} name others, such as the stand-ins containers/build-images.sh builds
 * where no registry is reachable ({@code cruddur-dynamodb-local:2.6.1}, {@code cruddur-postgres:17}).
 */
record ContainerImages(DockerImageName dynamoDb, DockerImageName postgres) {
    static final String DYNAMODB_PROPERTY = "e2e.dynamodb-image";
    static final String POSTGRES_PROPERTY = "e2e.postgres-image";

    static ContainerImages fromSystemProperties() {
        return new ContainerImages(
                DockerImageName.parse(System.getProperty(DYNAMODB_PROPERTY, "amazon/dynamodb-local:2.6.1")),
                // A stand-in speaks PostgreSQL's protocol and the official image's settings; Testcontainers asks to be told.
                DockerImageName.parse(System.getProperty(POSTGRES_PROPERTY, "postgres:17")).asCompatibleSubstituteFor("postgres"));
    }
}
