package org.jvmbench.servlet.tomcat;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The servlet app on Tomcat: the shared Spring MVC code of servlet-common, plus {@link TomcatEngine}. */
@SpringBootApplication(scanBasePackages = "org.jvmbench.servlet")
public class TomcatApp {
    public static void main(String[] args) {
        SpringApplication.run(TomcatApp.class, args);
    }
}
