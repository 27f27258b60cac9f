package io.jixiao.gateway.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The verified identity behind a request, read from its JWT.
 *
 * @param subject   who acts: the actor every recorded event names
 * @param roles     what the caller is
 * @param districts where the caller may act
 * @param units     the budget units a UNIT user acts for ({@code *} = every unit of its districts); empty for a
 *                  UNIT user means it acts for no unit
 * @param agency    the evaluation agency an EVALUATOR belongs to (the key evaluations commissioned to it are its
 *                  to score); null when the token names none
 * @param name      the display name (the OIDC standard claim {@code name}, e.g. 张三); null when the token has none or
 *                  it is not a single line of at most {@link #NAME_LENGTH} characters. Services record it only sealed
 */
public record Caller(String subject, Set<Role> roles, Districts districts, Set<String> units, String agency,
                     String name) {

    public static final String ROLES_CLAIM = "roles";
    public static final String DISTRICTS_CLAIM = "districts";
    public static final String UNITS_CLAIM = "units";
    public static final String AGENCY_CLAIM = "agency";
    public static final String NAME_CLAIM = "name";
    /** The longest display name passed on (characters). */
    public static final int NAME_LENGTH = 100;

    /** Unit ids as services accept them, or the wildcard. */
    private static final Pattern UNIT = Pattern.compile("\\*|[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public Caller {
        units = Set.copyOf(units);
    }

    public static Caller from(Jwt jwt) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        claimValues(jwt, ROLES_CLAIM).forEach(name -> Role.named(name).ifPresent(roles::add));
        Set<String> units = claimValues(jwt, UNITS_CLAIM).stream().filter(unit -> UNIT.matcher(unit).matches())
                .collect(Collectors.toCollection(TreeSet::new));
        String agency = jwt.getClaimAsString(AGENCY_CLAIM);
        return new Caller(jwt.getSubject(), Set.copyOf(roles), Districts.of(claimValues(jwt, DISTRICTS_CLAIM)), units,
                agency == null || agency.isBlank() ? null : agency.trim(),
                displayName(jwt.getClaims().get(NAME_CLAIM)));
    }

    /** The {@code name} claim trimmed, when it is text of one line and at most {@link #NAME_LENGTH} characters. */
    static String displayName(Object claim) {
        if (!(claim instanceof String text) || text.isBlank()) {
            return null;
        }
        String name = text.strip();
        boolean oneLine = name.codePoints().noneMatch(Character::isISOControl);
        return oneLine && name.codePointCount(0, name.length()) <= NAME_LENGTH ? name : null;
    }

    public boolean hasAnyOf(Set<Role> wanted) {
        return roles.stream().anyMatch(wanted::contains);
    }

    /** Role names, in declaration order. */
    public Set<String> roleNames() {
        return roles.stream().sorted().map(Role::name).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
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
