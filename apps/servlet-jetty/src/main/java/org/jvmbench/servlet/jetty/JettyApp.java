package org.jvmbench.servlet.jetty;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The servlet app on Jetty: the shared Spring MVC code of servlet-common, plus {@link JettyEngine}. */
@SpringBootApplication(scanBasePackages = "org.jvmbench.servlet")
public class JettyApp {
    public static void main(String[] args) {
        SpringApplication.run(JettyApp.class, args);
    }
}
