package io.jixiao.events;

/**
 * The contact block of a form (填报人, 联系人, 联系电话), each value sealed ({@link SealedText}) under the data key of one
 * person; any of them may be absent.
 */
public record ContactDetails(SealedText filledBy, SealedText contact, SealedText phone) {
}
