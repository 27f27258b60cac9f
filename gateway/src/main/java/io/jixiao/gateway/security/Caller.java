package io.jixiao.gateway.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.oauth2.jwt.Jwt;

/** The verified identity behind a request, read from its JWT. */
public record Caller(String subject, Set<Role> roles, Districts districts) {

    public static final String ROLES_CLAIM = "roles";
    public static final String DISTRICTS_CLAIM = "districts";

    public static Caller from(Jwt jwt) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        claimValues(jwt, ROLES_CLAIM).forEach(name -> Role.named(name).ifPresent(roles::add));
        return new Caller(jwt.getSubject(), Set.copyOf(roles), Districts.of(claimValues(jwt, DISTRICTS_CLAIM)));
    }

    public boolean hasAnyOf(Set<Role> wanted) {
        return roles.stream().anyMatch(wanted::contains);
    }

    /** As sent to services in {@code X-Jixiao-Roles}: comma-separated, in declaration order. */
    public String rolesHeaderValue() {
        return roles.stream().sorted().map(Role::name).collect(Collectors.joining(","));
    }

    /** A claim that may be a JSON array or a single (possibly comma-separated) string. */
    private static Collection<String> claimValues(Jwt jwt, String claim) {
        Object value = jwt.getClaims().get(claim);
        if (value instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).map(String::trim).toList();
        }
        if (value instanceof String text) {
            return List.of(text.split(",")).stream().map(String::trim).toList();
        }
        return List.of();
    }
}
