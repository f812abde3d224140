package org.jvmbench.harness.plan;

import java.util.List;

/**
 * The load axes of one server entry: every endpoint is driven at every concurrency.
 *
 * @param endpoints   request paths with their query, e.g. {@code /io?ms=10}, in the order the points run
 * @param concurrency closed-model connections (Gatling users); points run from lowest to highest
 */
public record Load(List<String> endpoints, List<Integer> concurrency) {

    public Load {
        endpoints = List.copyOf(endpoints);
        concurrency = concurrency.stream().sorted().toList();
    }
}
