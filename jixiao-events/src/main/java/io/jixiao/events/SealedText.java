package io.jixiao.events;

/**
 * A personal value (填报人, 联系人, 联系电话) as it is stored and published: only encrypted, under the data key (数据密钥)
 * of the person it belongs to, so that destroying that key erases the value (加密删除) while every hash computed over
 * the event still holds.
 *
 * <p>{@code personId}: whom the value belongs to, as the client named them (an id of its own, unique within the
 * district: the contact's staff number or the token subject of whoever filled in the form); the data key is the
 * district's key of that person. {@code ciphertext}: base64 (with padding) of
 * {@code 0x01 || nonce (12 bytes) || AES-256-GCM(value as UTF-8) with its 16-byte tag}, the GCM additional data being
 * the UTF-8 bytes of {@code "jixiao-personal-1|<districtCode>|<personId>"}. A new random nonce per value.
 */
public record SealedText(String personId, String ciphertext) {
}
