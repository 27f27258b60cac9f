package io.jixiao.gateway.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;

/**
 * The local stack's RSA signing key: one PKCS#8 PEM file in the keys directory, generated on first
 * use (by the gateway or by {@link TokenCli}, whichever runs first) and never committed. The public
 * key is derived from it.
 */
public final class LocalSigningKey {

    public static final String FILE_NAME = "jwt-signing-key.pem";

    private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String END = "-----END PRIVATE KEY-----";

    private LocalSigningKey() {
    }

    /** The key in {@code keysDir}, created first if there is none. */
    public static RSAKey loadOrCreate(Path keysDir) {
        Path file = keysDir.resolve(FILE_NAME);
        try {
            if (!Files.exists(file)) {
                create(keysDir, file);
            }
            return toJwk(read(file));
        } catch (IOException | GeneralSecurityException | JOSEException e) {
            throw new IllegalStateException("cannot load or create the signing key " + file.toAbsolutePath(), e);
        }
    }

    private static void create(Path keysDir, Path file) throws IOException, GeneralSecurityException {
        Files.createDirectories(keysDir);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        byte[] pkcs8 = generator.generateKeyPair().getPrivate().getEncoded();
        Path temporary = Files.createTempFile(keysDir, "jwt-signing-key", ".tmp", ownerOnly());
        try {
            Files.writeString(temporary, toPem(pkcs8), StandardCharsets.US_ASCII);
            Files.move(temporary, file); // fails if another process created the key meanwhile: keep theirs
        } catch (FileAlreadyExistsException createdConcurrently) {
            Files.deleteIfExists(temporary);
        }
    }

    private static RSAPrivateCrtKey read(Path file) throws IOException, GeneralSecurityException {
        String base64 = Files.readString(file, StandardCharsets.US_ASCII)
                .replace(BEGIN, "").replace(END, "").replaceAll("\\s", "");
        return (RSAPrivateCrtKey) KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    private static RSAKey toJwk(RSAPrivateCrtKey privateKey) throws GeneralSecurityException, JOSEException {
        RSAPublicKey publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
        return new RSAKey.Builder(publicKey).privateKey(privateKey).keyIDFromThumbprint().build();
    }

    private static String toPem(byte[] pkcs8) {
        Base64.Encoder encoder = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
        return BEGIN + "\n" + encoder.encodeToString(pkcs8) + "\n" + END + "\n";
    }

    private static FileAttribute<?>[] ownerOnly() {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))};
        }
        return new FileAttribute<?>[0];
    }
}
