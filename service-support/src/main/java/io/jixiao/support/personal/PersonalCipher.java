package io.jixiao.support.personal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM as personal data uses it, for a value under a data key (数据密钥) and for a data key under the master key
 * (主密钥): {@code 0x01 || nonce (12 random bytes) || ciphertext with its 16-byte tag}, the additional data naming the
 * district and the person, so a sealed value or a wrapped key copied to another person does not open.
 */
public final class PersonalCipher {
    /** Length of a data key and of the master key, in bytes (AES-256). */
    public static final int KEY_BYTES = 32;
    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PersonalCipher() {
    }

    public static byte[] newKey() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return key;
    }

    /** The GCM additional data of a person's values and data key. */
    static byte[] scope(String districtCode, String personId) {
        return ("jixiao-personal-1|" + districtCode + "|" + personId).getBytes(StandardCharsets.UTF_8);
    }

    static byte[] encrypt(byte[] key, byte[] scope, byte[] plain) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, key, nonce, scope);
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length).put(VERSION).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** The plain bytes, or empty when {@code sealed} was not made with this key and scope (or was altered). */
    static Optional<byte[]> decrypt(byte[] key, byte[] scope, byte[] sealed) {
        if (sealed.length < 1 + NONCE_BYTES + TAG_BITS / 8 || sealed[0] != VERSION) {
            return Optional.empty();
        }
        byte[] nonce = java.util.Arrays.copyOfRange(sealed, 1, 1 + NONCE_BYTES);
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, nonce, scope);
            return Optional.of(cipher.doFinal(sealed, 1 + NONCE_BYTES, sealed.length - 1 - NONCE_BYTES));
        } catch (AEADBadTagException e) {
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    private static Cipher cipher(int mode, byte[] key, byte[] nonce, byte[] scope) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(scope);
        return cipher;
    }
}
