package org.jvmbench.servlet.tomcat;

import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Two Tomcat defaults that would make Tomcat answer the app's refusals (RefusalFilter)
 * differently from the other engines.
 *
 * <ul>
 *   <li>TRACE goes through the connector, to be refused by the filter with the same 405, Allow
 *       header and body as elsewhere. Left alone, Tomcat answers TRACE itself with an empty 405
 *       allowing PUT, DELETE and POST, which no endpoint takes. Nothing echoes TRACE either way:
 *       the filter answers first, and behind it Spring MVC routes TRACE like any method
 *       (spring.mvc.dispatch-trace-request) rather than HttpServlet's echo.</li>
 *   <li>After a 413, Tomcat closes the connection instead of reading ("swallowing") the unread
 *       body first. Left alone, it waits for up to 2 MiB of a body that a hostile client
 *       announces and never sends, until the connection times out.</li>
 * </ul>
 */
@Component
class RefusalsReachTheApp implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addConnectorCustomizers(connector -> connector.setAllowTrace(true));
        factory.addContextCustomizers(context -> context.setSwallowAbortedUploads(false));
    }
}
