package io.jixiao.gateway.web;

import java.time.Duration;

import org.springframework.http.ResponseCookie;

/**
 * The workbench's session: a cookie holding a JWT (the local stack's own, or the identity provider's), HttpOnly
 * (page scripts cannot read it) and SameSite=Strict (no other site's page can make the browser send it).
 */
public final class SessionCookie {

    public static final String NAME = "JIXIAO_SESSION";

    private SessionCookie() {
    }

    static ResponseCookie of(String jwt, Duration maxAge, boolean secure) {
        return ResponseCookie.from(NAME, jwt).httpOnly(true).secure(secure).sameSite("Strict").path("/")
                .maxAge(maxAge).build();
    }

    static ResponseCookie cleared(boolean secure) {
        return ResponseCookie.from(NAME, "").httpOnly(true).secure(secure).sameSite("Strict").path("/")
                .maxAge(Duration.ZERO).build();
    }
}
