package org.example.ownapp;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A user's own app, as small as one gets: one controller, Actuator for health and metrics. It
 * knows nothing of the benchmark (no /info), which is the point: the harness must read it the
 * way it would read any Spring Boot jar.
 */
@SpringBootApplication
public class OwnApp {

    public static void main(String[] args) {
        SpringApplication.run(OwnApp.class, args);
    }

    @RestController
    static class GreetingController {

        @GetMapping("/hello")
        Map<String, String> hello(@RequestParam(defaultValue = "world") String name) {
            return Map.of("greeting", "hello " + name);
        }
    }
}
