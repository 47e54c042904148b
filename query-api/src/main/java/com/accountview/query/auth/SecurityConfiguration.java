package com.accountview.query.auth;

import com.accountview.query.errors.ErrorResponses;
import jakarta.servlet.DispatcherType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what. The three lookups under {@code /v4/orgs/{org_id}/...} need an authenticated
 * caller with an allowed role who is permitted that organization; the rest of {@code /v4} needs an
 * authenticated caller; the OpenAPI document is open (clients), and so are the actuator endpoints,
 * which only the management port serves (probes, scraping): Spring Boot applies this chain there
 * too. Stateless: no session, no CSRF (no cookies are ever honoured), no login forms.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final RequestMatcher API = PathPatternRequestMatcher.withDefaults().matcher("/v4/**");
    private static final RequestMatcher API_DOCS = PathPatternRequestMatcher.withDefaults().matcher("/v4/api-docs");

    /**
     * No observation of each security filter, authentication and authorization: the service has
     * no tracer to send them to, they cost CPU on every request for each filter of the chain, and
     * {@code http_server_requests_seconds} already times every request with its outcome.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * The bearer token of a request that needs a caller; none elsewhere. Spring Security would
     * otherwise refuse a bad token (401) on a path open to everyone: the OpenAPI document, unknown
     * paths, and the actuator on the management port, which a scraper configured with a token for
     * another system would then fail to read.
     */
    private static BearerTokenResolver tokensOnlyWhereACallerIsNeeded() {
        DefaultBearerTokenResolver tokens = new DefaultBearerTokenResolver();
        return request -> API.matches(request) && !API_DOCS.matches(request) ? tokens.resolve(request) : null;
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, AuthProperties auth, ErrorResponses errors)
            throws Exception {
        var entryPoint = new ErrorResponseAuthenticationEntryPoint(errors, auth.mode());
        var accessDenied = new ErrorResponseAccessDeniedHandler(errors);
        http.csrf(csrf -> csrf.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                // nothing asks the servlet request for its user or roles: no wrapper around every request
                .servletApi(servletApi -> servletApi.disable())
                // no sessions at all, rather than a stateless session policy: that still runs two filters on
                // every request (one wraps the response) for sessions that never exist; the caller's
                // authentication lives for its request only
                .sessionManagement(sessions -> sessions.disable())
                .securityContext(context -> context.securityContextRepository(
                        new RequestAttributeSecurityContextRepository()))
                // no anonymous caller: a request without one is refused by the same entry point (401)
                .anonymous(anonymous -> anonymous.disable())
                // the API sets its own Cache-Control: no-cache, which lets clients revalidate with ETags
                .headers(headers -> headers.cacheControl(cache -> cache.disable()))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(accessDenied))
                .authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers(API_DOCS).permitAll()
                        .requestMatchers("/v4/orgs/{" + OrganizationAccess.ORG_ID_VARIABLE + "}/**")
                        .access(new OrganizationAccess(auth.allowedRoles()))
                        .requestMatchers(API).authenticated()
                        // elsewhere (the actuator on its own port, /error) there is nothing but 404s to see
                        .anyRequest().permitAll());
        if (auth.mode() == AuthMode.JWT) {
            http.oauth2ResourceServer(resourceServer -> resourceServer
                    .authenticationEntryPoint(entryPoint)
                    .accessDeniedHandler(accessDenied)
                    .bearerTokenResolver(tokensOnlyWhereACallerIsNeeded())
                    .jwt(jwt -> jwt
                            .decoder(JwtCallers.decoder(auth.jwt()))
                            .jwtAuthenticationConverter(JwtCallers.authenticationConverter())));
        } else {
            http.addFilterBefore(new GatewayRolesFilter(entryPoint), AnonymousAuthenticationFilter.class);
        }
        return http.build();
    }
}
