package io.jixiao.gateway.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * One-time sign-in codes of the local stack. A code is 32 random bytes (base64url); the directory holds one file
 * per code, named by the code's SHA-256 (a listing does not reveal codes), with the subject, roles, districts and
 * expiry. Redeeming deletes the file first: of two concurrent redemptions only the one whose delete succeeds gets
 * the identity, so a code works once; an expired code is deleted and refused.
 */
public final class SignInCodes {

    public static final Duration DEFAULT_VALIDITY = Duration.ofMinutes(5);
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path directory;
    private final Clock clock;

    /** The identity a code signs in as; {@code name} the display name its token carries (null: none). */
    public record Identity(String subject, List<String> roles, List<String> districts, String name) {
        public Identity(String subject, List<String> roles, List<String> districts) {
            this(subject, roles, districts, null);
        }
    }

    public SignInCodes(Path directory) {
        this(directory, Clock.systemUTC());
    }

    public SignInCodes(Path directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    /** The directory of a data directory's codes (next to its {@code keys}). */
    public static Path directoryOf(Path dataDir) {
        return dataDir.resolve("sign-in");
    }

    /** A new code for {@code identity}, valid for {@code validity}. */
    public String issue(Identity identity, Duration validity) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String code = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Properties p = new Properties();
        p.setProperty("sub", identity.subject());
        p.setProperty("roles", String.join(",", identity.roles()));
        p.setProperty("districts", String.join(",", identity.districts()));
        if (identity.name() != null) {
            p.setProperty("name", identity.name());
        }
        p.setProperty("expiresAt", clock.instant().plus(validity).toString());
        try {
            Files.createDirectories(directory);
            removeExpired();
            Path file = directory.resolve(hash(code));
            Files.createFile(file);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // the file system has no POSIX permissions: the data directory's own protection applies
            }
            try (var out = Files.newOutputStream(file, StandardOpenOption.TRUNCATE_EXISTING)) {
                p.store(out, null);
            }
            return code;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a sign-in code under " + directory, e);
        }
    }

    /** The identity of a valid, unused code; the code is spent whether it was valid or not. */
    public Optional<Identity> redeem(String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            return Optional.empty();
        }
        Path file = directory.resolve(hash(code));
        Properties p = new Properties();
        try {
            byte[] content = Files.readAllBytes(file);
            Files.delete(file);   // the single point of use: a second delete fails
            p.load(new java.io.StringReader(new String(content, StandardCharsets.ISO_8859_1)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
        Instant expiresAt = Instant.parse(p.getProperty("expiresAt"));
        if (!clock.instant().isBefore(expiresAt)) {
            return Optional.empty();
        }
        return Optional.of(new Identity(p.getProperty("sub"), split(p.getProperty("roles")),
                split(p.getProperty("districts")), p.getProperty("name")));
    }

    private void removeExpired() throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory)) {
            stream.forEach(files::add);
        }
        for (Path file : files) {
            try {
                Properties p = new Properties();
                try (var in = Files.newInputStream(file)) {
                    p.load(in);
                }
                String expiresAt = p.getProperty("expiresAt");
                if (expiresAt == null || !clock.instant().isBefore(Instant.parse(expiresAt))) {
                    Files.deleteIfExists(file);
                }
            } catch (IOException | RuntimeException ignored) {
                // redeemed meanwhile, or not a code file
            }
        }
    }

    private static List<String> split(String value) {
        return value == null || value.isBlank() ? List.of() : List.of(value.split(","));
    }

    static String hash(String code) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(code.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
