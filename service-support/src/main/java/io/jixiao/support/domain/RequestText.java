package io.jixiao.support.domain;

/**
 * A command whose {@code toString} is the request as its caller made it, leaving out what the service added from its
 * own projections (budget figures, rules, the goal as recorded): its canonical form, so the idempotency fingerprint
 * is taken over the request alone and a retry after those figures moved is still the same request.
 */
public interface RequestText extends CanonicalForm {
    @Override
    default String canonicalForm() {
        return toString();
    }
}
