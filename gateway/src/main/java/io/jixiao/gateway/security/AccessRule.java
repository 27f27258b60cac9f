package io.jixiao.gateway.security;

import java.util.Optional;
import java.util.Set;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * One row of the {@link AccessPolicy}: which roles may use which methods on which paths, and whether the
 * caller must hold every district ({@code *}) because the path acts across districts (admin operations).
 */
record AccessRule(Access access, PathPattern pattern, Set<Role> roles, boolean everyDistrict, boolean restriction) {

    /** The path variable that names the district a request acts in. */
    static final String DISTRICT_VARIABLE = "d";

    /** Groups of HTTP methods a rule grants. */
    enum Access {
        READ(Set.of(HttpMethod.GET, HttpMethod.HEAD)),
        WRITE(Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE));

        private final Set<HttpMethod> methods;

        Access(Set<HttpMethod> methods) {
            this.methods = methods;
        }

        boolean includes(HttpMethod method) {
            return methods.contains(method);
        }
    }

    static AccessRule of(Access access, String pattern, Role... roles) {
        return new AccessRule(access, PathPatternParser.defaultInstance.parse(pattern), Set.of(roles), false, false);
    }

    /** A row for paths that act across districts: granted only to callers of every district ({@code *}). */
    static AccessRule acrossDistricts(Access access, String pattern, Role... roles) {
        return new AccessRule(access, PathPatternParser.defaultInstance.parse(pattern), Set.of(roles), true, false);
    }

    /**
     * A row that grants nothing but narrows what broader rows grant: a request it matches is allowed only to a
     * caller holding one of its roles (separation of duties: settings only FINANCE, a key score only an EVALUATOR).
     */
    static AccessRule onlyFor(Access access, String pattern, Role... roles) {
        return new AccessRule(access, PathPatternParser.defaultInstance.parse(pattern), Set.of(roles), false, true);
    }

    /** Whether this restriction applies to the request and the caller holds none of its roles. */
    boolean refuses(Caller caller, HttpMethod method, PathContainer path) {
        return restriction && access.includes(method) && coversPath(path) && !caller.hasAnyOf(roles);
    }

    boolean coversPath(PathContainer path) {
        return pattern.matches(path);
    }

    boolean grants(Caller caller, HttpMethod method, PathContainer path) {
        return !restriction && access.includes(method) && coversPath(path) && caller.hasAnyOf(roles)
                && (!everyDistrict || caller.districts().includesEvery())
                && district(path).map(caller.districts()::includes).orElse(true);
    }

    private Optional<String> district(PathContainer path) {
        PathPattern.PathMatchInfo match = pattern.matchAndExtract(path);
        return match == null ? Optional.empty()
                : Optional.ofNullable(match.getUriVariables().get(DISTRICT_VARIABLE));
    }
}
