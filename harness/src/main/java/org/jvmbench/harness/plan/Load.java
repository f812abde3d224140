package org.jvmbench.harness.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The load axes: every endpoint is driven at every load level. A level is closed, like
 * {@code wrk -c N} ({@code concurrency}: users each sending back to back), or open, like wrk2
 * ({@code rates}: requests due on a fixed schedule whatever the server does, over a pool of
 * {@code connections}). Rates above 1 are requests per second; rates of at most 1 are shares
 * of each configuration's own capacity, measured in the same fork right after its warm-up.
 * In a sweep file an axis may be missing from a server entry, which then takes it from the
 * top-level {@code load}; in a resolved sweep every entry has endpoints and one of the models.
 *
 * @param endpoints   request paths with their query, e.g. {@code /io?ms=10}, in the order the points run
 * @param concurrency closed model: connections (Gatling users); points run from lowest to highest
 * @param rates       open model: requests per second, or (all of at most 1) shares of capacity; lowest first
 * @param connections open model: the pool of keep-alive connections the requests go out on
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Load(List<String> endpoints, List<Integer> concurrency, List<Double> rates, Integer connections) {

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
        if (concurrency != null && rates != null) {
            throw SettingException.key("rates", "give concurrency (closed load) or rates (open load), not both");
        }
        if (rates != null) {
            for (double r : rates) {
                if (!(r > 0) || Double.isInfinite(r)) {
                    throw SettingException.item("rates", r, "must be a positive number, got " + r);
                }
            }
            boolean fractions = rates.stream().allMatch(r -> r <= 1);
            if (!fractions && rates.stream().anyMatch(r -> r <= 1)) {
                throw SettingException.key("rates", "mixes shares of capacity (at most 1) and requests per second "
                        + "(above 1): use one or the other");
            }
            rates = rates.stream().sorted().toList();
        }
        if (connections != null && connections < 1) {
            throw SettingException.key("connections", "must be at least 1, got " + connections);
        }
    }

    /** Endpoints and a closed model: the shape before open loads. */
    public Load(List<String> endpoints, List<Integer> concurrency) {
        this(endpoints, concurrency, null, null);
    }

    /** Whether the rates are shares of capacity rather than requests per second. */
    public boolean ratesAreFractions() {
        return rates != null && rates.stream().allMatch(r -> r <= 1);
    }

    /** Each axis this load lacks, taken from {@code defaults}; a model given here replaces the other. */
    Load orElse(Load defaults) {
        boolean ownModel = concurrency != null || rates != null;
        return new Load(endpoints != null ? endpoints : defaults.endpoints,
                ownModel ? concurrency : defaults.concurrency,
                ownModel ? rates : defaults.rates,
                connections != null ? connections : defaults.connections);
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
