package io.jixiao.gateway.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.jixiao.gateway.security.Caller;
import io.jixiao.gateway.security.JwtProperties;
import io.jixiao.gateway.security.LocalSigningKey;
import io.jixiao.gateway.security.Role;
import io.jixiao.gateway.security.TokenIssuer;
import io.jixiao.gateway.security.TokenSpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The workbench through the gateway: its pages (one HTML file each, by URL), their scripts and styles out of the
 * {@code workbench} jar, ECharts out of its webjar, sign-in (one-time code, or a pasted JWT), sign-out and
 * {@code GET /api/session} (who the page is signed in as).
 */
@Configuration(proxyBeanMethods = false)
public class WorkbenchRoutes {

    static final Duration SESSION_VALIDITY = TokenSpec.DEFAULT_VALIDITY;
    private static final MediaType HTML = MediaType.parseMediaType("text/html;charset=UTF-8");
    private static final Map<String, String> PAGES = new ConcurrentHashMap<>();
    private static final String ECHARTS = "META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js";

    private final JwtProperties jwt;
    private final ReactiveJwtDecoder decoder;
    private final boolean secureCookie;
    private volatile TokenIssuer localIssuer;

    public WorkbenchRoutes(JwtProperties jwt, ReactiveJwtDecoder decoder,
            @Value("${jixiao.web.secure-cookie:false}") boolean secureCookie) {
        this.jwt = jwt;
        this.decoder = decoder;
        this.secureCookie = secureCookie;
    }

    @Bean
    RouterFunction<ServerResponse> workbench() {
        return RouterFunctions.route()
                .GET("/", request -> page("overview"))
                .GET("/districts/{d}/years/{y}", request -> page("district"))
                .GET("/districts/{d}/years/{y}/findings", request -> page("findings"))
                .GET("/districts/{d}/projects/{p}", request -> page("project"))
                .GET("/sign-in", this::signIn)
                .POST("/sign-in", this::signInWithToken)
                .POST("/sign-out", this::signOut)
                .GET("/api/session", this::session)
                .GET("/assets/vendor/echarts.min.js", request -> asset(new ClassPathResource(ECHARTS),
                        MediaType.parseMediaType("text/javascript;charset=UTF-8")))
                .build()
                .and(RouterFunctions.resources("/assets/**", new ClassPathResource("workbench/assets/")));
    }

    private static Mono<ServerResponse> page(String name) {
        return ServerResponse.ok().contentType(HTML).cacheControl(CacheControl.noStore())
                .bodyValue(name.equals("sign-in") ? new ClassPathResource("workbench/pages/sign-in.html")
                        : PAGES.computeIfAbsent(name, WorkbenchRoutes::signedInPage));
    }

    /**
     * A page of a signed-in caller: the workbench's one layout (head, header with navigation, main, footer) with the
     * page's title and scripts ({@code workbench/pages/<name>.html}) in its head. The sign-in page is whole.
     */
    static String signedInPage(String name) {
        String layout = text("workbench/layout.html");
        int slot = layout.indexOf("<!-- the page's title and scripts");
        return layout.substring(0, slot) + text("workbench/pages/" + name + ".html")
                + layout.substring(layout.indexOf('\n', slot) + 1).replace("{page}", name);
    }

    private static String text(String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Mono<ServerResponse> asset(Resource resource, MediaType type) {
        return ServerResponse.ok().contentType(type).cacheControl(CacheControl.maxAge(Duration.ofHours(1)))
                .bodyValue(resource);
    }

    /** {@code GET /sign-in?code=…}: spends a one-time code and sets the session; without a code, the sign-in page. */
    private Mono<ServerResponse> signIn(ServerRequest request) {
        Optional<String> code = request.queryParam("code");
        if (code.isEmpty()) {
            return page("sign-in");
        }
        if (jwt.usesJwkSetUri()) {
            return redirect("/sign-in?failed=local-only");
        }
        Optional<SignInCodes.Identity> identity = new SignInCodes(SignInCodes.directoryOf(dataDir())).redeem(code.get());
        if (identity.isEmpty()) {
            return redirect("/sign-in?failed=code");
        }
        SignInCodes.Identity who = identity.get();
        String token = localIssuer().issue(TokenSpec.of(who.subject(), who.roles(), who.districts())
                .withName(who.name()));
        return ServerResponse.seeOther(URI.create("/")).cacheControl(CacheControl.noStore())
                .cookie(SessionCookie.of(token, SESSION_VALIDITY, secureCookie)).build();
    }

    /** {@code POST /sign-in} with a form field {@code token}: a JWT the gateway accepts becomes the session. */
    private Mono<ServerResponse> signInWithToken(ServerRequest request) {
        if (!sameOrigin(request)) {
            return ServerResponse.status(HttpStatus.FORBIDDEN).build();
        }
        return request.formData()
                .flatMap(form -> Mono.justOrEmpty(form.getFirst("token")))
                .map(String::trim)
                .filter(token -> !token.isEmpty())
                .flatMap(token -> decoder.decode(token)
                        .flatMap(decoded -> ServerResponse.seeOther(URI.create("/")).cacheControl(CacheControl.noStore())
                                .cookie(SessionCookie.of(token, remaining(decoded), secureCookie)).build())
                        .onErrorResume(e -> redirect("/sign-in?failed=token")))
                .switchIfEmpty(redirect("/sign-in?failed=token"));
    }

    private Mono<ServerResponse> signOut(ServerRequest request) {
        if (!sameOrigin(request)) {
            return ServerResponse.status(HttpStatus.FORBIDDEN).build();
        }
        return ServerResponse.seeOther(URI.create("/sign-in")).cookie(SessionCookie.cleared(secureCookie)).build();
    }

    /** Who the caller is, as the gateway read the token: the pages show only what these roles may read. */
    private Mono<ServerResponse> session(ServerRequest request) {
        return request.principal()
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(principal -> ((JwtAuthenticationToken) principal).getToken())
                .flatMap(token -> {
                    Caller caller = Caller.from(token);
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("subject", caller.subject());
                    if (caller.name() != null) {
                        body.put("name", caller.name());
                    }
                    body.put("roles", caller.roles().stream().sorted().map(Role::name).toList());
                    body.put("districts", List.copyOf(caller.districts().values()));
                    body.put("units", List.copyOf(caller.units()));
                    body.put("expiresAt", token.getExpiresAt());
                    return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON)
                            .cacheControl(CacheControl.noStore()).bodyValue(body);
                })
                .switchIfEmpty(ServerResponse.status(HttpStatus.UNAUTHORIZED).build());
    }

    private static Duration remaining(Jwt token) {
        Instant expires = token.getExpiresAt();
        Duration left = expires == null ? SESSION_VALIDITY : Duration.between(Instant.now(), expires);
        return left.isNegative() ? Duration.ZERO : left;
    }

    /**
     * A form post counts only from a page of this origin: the browser's {@code Sec-Fetch-Site}, else an
     * {@code Origin} whose host is this request's host.
     */
    static boolean sameOrigin(ServerRequest request) {
        HttpHeaders headers = request.headers().asHttpHeaders();
        String site = headers.getFirst("Sec-Fetch-Site");
        if (site != null) {
            return site.equals("same-origin");
        }
        String origin = headers.getOrigin();
        String host = headers.getFirst(HttpHeaders.HOST);
        return origin != null && host != null && URI.create(origin).getAuthority() != null
                && URI.create(origin).getAuthority().equalsIgnoreCase(host);
    }

    private static Mono<ServerResponse> redirect(String location) {
        return ServerResponse.seeOther(URI.create(location)).cacheControl(CacheControl.noStore()).build();
    }

    private java.nio.file.Path dataDir() {
        java.nio.file.Path keys = jwt.keysDir().toAbsolutePath();
        return keys.getParent();
    }

    private TokenIssuer localIssuer() {
        if (localIssuer == null) {
            localIssuer = new TokenIssuer(LocalSigningKey.loadOrCreate(jwt.keysDir()));
        }
        return localIssuer;
    }
}
