package io.jixiao.identity;

/** An assertion that is missing, malformed, forged, expired or made for another request or service. */
public class AssertionRejected extends RuntimeException {
    public AssertionRejected(String reason) {
        super(reason);
    }
}
