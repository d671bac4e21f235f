package io.kasparro.web;

import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Puts {@link ProblemErrorReportValve} in place of Tomcat's HTML error page, and refuses TRACE
 * (which would echo the request, headers included) with a 405 problem.
 */
@Configuration(proxyBeanMethods = false)
class TomcatErrorConfiguration {

  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorPages() {
    return new ProblemErrorPages();
  }

  /** Runs after Spring Boot's own customizer, which adds a plain {@link ErrorReportValve}. */
  private static final class ProblemErrorPages
      implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
      factory.addConnectorCustomizers(connector -> connector.setAllowTrace(false));
      factory.addContextCustomizers(
          context -> {
            if (context.getParent() instanceof StandardHost host) {
              for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve) {
                  host.getPipeline().removeValve(valve);
                }
              }
              host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
          });
    }

    @Override
    public int getOrder() {
      return Ordered.LOWEST_PRECEDENCE;
    }
  }
}
