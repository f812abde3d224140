package org.jvmbench.servlet.undertow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The servlet app on Undertow: the shared Spring MVC code of servlet-common, plus {@link UndertowEngine}. */
@SpringBootApplication(scanBasePackages = "org.jvmbench.servlet")
public class UndertowApp {
    public static void main(String[] args) {
        SpringApplication.run(UndertowApp.class, args);
    }
}
