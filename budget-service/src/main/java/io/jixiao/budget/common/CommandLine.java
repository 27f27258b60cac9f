package io.jixiao.budget.common;

import io.jixiao.support.domain.RequestKey;

/**
 * One line of a bulk import inside a command that carries several lines for one aggregate: the line's own command,
 * its request id (the line's {@code lineId}) and the command's fingerprint, so that each line is answered and
 * remembered as its own request would be.
 */
public record CommandLine(Object command, String requestId, String fingerprint) {
    /** The request this line answers. */
    public RequestKey request() {
        return RequestKey.of(requestId, fingerprint);
    }
}
