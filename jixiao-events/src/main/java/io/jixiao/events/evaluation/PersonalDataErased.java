package io.jixiao.events.evaluation;

/**
 * 加密删除: FINANCE erased a person's data in a district, with its reason. Every service holding that person's data
 * key (数据密钥) destroys it on seeing this event, so that each value sealed under it ({@code SealedText}) can no longer
 * be read, while the events that carry them, and their hashes, stay as they were.
 */
public record PersonalDataErased(String districtCode, String personId, String reason) {
}
