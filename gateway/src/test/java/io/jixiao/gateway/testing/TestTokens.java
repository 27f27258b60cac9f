package io.jixiao.gateway.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import io.jixiao.gateway.security.LocalSigningKey;
import io.jixiao.gateway.security.Role;
import io.jixiao.gateway.security.TokenIssuer;
import io.jixiao.gateway.security.TokenSpec;

/** A fresh keys directory for one gateway under test, and tokens signed with its key. */
public final class TestTokens {

    private final Path keysDir;

    private TestTokens(Path keysDir) {
        this.keysDir = keysDir;
    }

    public static TestTokens inFreshKeysDir() {
        try {
            // under the module's build directory, so test runs leave nothing in /tmp
            Path target = Files.createDirectories(Path.of("target", "test-keys"));
            return new TestTokens(Files.createTempDirectory(target, "keys-").toAbsolutePath());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public Path keysDir() {
        return keysDir;
    }

    public String issue(TokenSpec spec) {
        return new TokenIssuer(LocalSigningKey.loadOrCreate(keysDir)).issue(spec);
    }

    public String issue(String subject, List<Role> roles, String... districts) {
        return issue(TokenSpec.of(subject, roles.stream().map(Role::name).toList(), Arrays.asList(districts)));
    }

    /** A token holding every role in every district. */
    public String superuser(String subject) {
        return issue(subject, Arrays.asList(Role.values()), "*");
    }
}
