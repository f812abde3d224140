package org.jvmbench.harness.plan;

import java.util.List;

/**
 * The load axes: every endpoint is driven at every concurrency. In a sweep file either axis
 * may be missing from a server entry, which then takes it from the top-level {@code load};
 * in a resolved sweep every entry has both.
 *
 * @param endpoints   request paths with their query, e.g. {@code /io?ms=10}, in the order the points run;
 *                    null when not given here
 * @param concurrency closed-model connections (Gatling users); points run from lowest to highest;
 *                    null when not given here
 */
public record Load(List<String> endpoints, List<Integer> concurrency) {

    public Load {
        if (endpoints != null) {
            endpoints = List.copyOf(endpoints);
            endpoints.forEach(Load::requireEndpointForm);
        }
        if (concurrency != null) {
            for (int c : concurrency) {
                if (c < 1) {
                    throw SettingException.item("concurrency", c, "must be at least 1, got " + c);
                }
            }
            concurrency = concurrency.stream().sorted().toList();
        }
    }

    /** Each axis this load lacks, taken from {@code defaults}. */
    Load orElse(Load defaults) {
        return new Load(endpoints != null ? endpoints : defaults.endpoints, concurrency != null ? concurrency : defaults.concurrency);
    }

    /** A path and an optional query: which paths an app serves is the sweep's rule, not the load's. */
    private static void requireEndpointForm(String endpoint) {
        if (!endpoint.startsWith("/")) {
            throw SettingException.item("endpoints", endpoint, "'" + endpoint + "' must start with /");
        }
        if (endpoint.chars().anyMatch(Character::isWhitespace)) {
            throw SettingException.item("endpoints", endpoint, "'" + endpoint + "' must not contain spaces");
        }
        if (endpoint.endsWith("?")) {
            throw SettingException.item("endpoints", endpoint, "'" + endpoint + "' has an empty query");
        }
    }

    /** The path without its query: {@code /io?ms=10} is {@code /io}. */
    static String path(String endpoint) {
        int q = endpoint.indexOf('?');
        return q < 0 ? endpoint : endpoint.substring(0, q);
    }
}
