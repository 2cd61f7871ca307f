package com.cruddur.messaging.app;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which Micronaut environments a start asks for ({@code -Dmicronaut.environments} or
 * {@code MICRONAUT_ENVIRONMENTS}); none means the embedded default, which runs as {@code dev}.
 */
public final class Environments {
    public static final String PROD = "prod";
    public static final String DEV = "dev";

    private Environments() {
    }

    public static Set<String> requested(Map<String, String> environment) {
        String listed = System.getProperty("micronaut.environments", environment.getOrDefault("MICRONAUT_ENVIRONMENTS", ""));
        return Arrays.stream(listed.split(",")).map(String::strip).filter(name -> !name.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** The requested environments, or {@code dev} when none is. */
    public static String[] orDev(Set<String> requested) {
        return requested.isEmpty() ? new String[] {DEV} : requested.toArray(String[]::new);
    }

    /** Engines start unless this is production or {@code CRUDDUR_EMBEDDED=false} points the service elsewhere. */
    public static boolean embedded(Set<String> requested, Map<String, String> environment) {
        return !requested.contains(PROD) && !"false".equalsIgnoreCase(environment.getOrDefault("CRUDDUR_EMBEDDED", "true"));
    }
}
