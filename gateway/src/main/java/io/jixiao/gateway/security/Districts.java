package io.jixiao.gateway.security;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** The districts a caller may act in: a set of 6-digit codes, or all of them ({@code *}). */
public final class Districts {

    public static final String ALL_MARKER = "*";

    private static final Pattern DISTRICT_CODE = Pattern.compile(io.jixiao.events.DistrictCode.PATTERN);

    private final boolean all;
    private final Set<String> codes;

    private Districts(boolean all, Set<String> codes) {
        this.all = all;
        this.codes = codes;
    }

    /** From claim values; {@code *} means all districts, anything that is not a 6-digit code is ignored. */
    public static Districts of(Collection<String> values) {
        if (values.contains(ALL_MARKER)) {
            return new Districts(true, Set.of());
        }
        TreeSet<String> codes = new TreeSet<>();
        values.stream().filter(value -> DISTRICT_CODE.matcher(value).matches()).forEach(codes::add);
        return new Districts(false, Set.copyOf(codes));
    }

    public boolean includes(String districtCode) {
        return all || codes.contains(districtCode);
    }

    /** Whether the caller holds every district ({@code *}), as operations across districts require. */
    public boolean includesEvery() {
        return all;
    }

    /** As services receive them in the caller assertion: {@code *} alone, or the codes. */
    public Set<String> values() {
        return all ? Set.of(ALL_MARKER) : new TreeSet<>(codes);
    }

    @Override
    public String toString() {
        return all ? ALL_MARKER : String.join(",", new TreeSet<>(codes));
    }
}
