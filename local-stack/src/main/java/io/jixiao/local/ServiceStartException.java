package io.jixiao.local;

/** A service did not become healthy: it exited, or its health check did not answer UP in time. */
public final class ServiceStartException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient ServiceProcess service;

    ServiceStartException(ServiceProcess service, String message) {
        super(message + " (log: " + service.logFile() + ")");
        this.service = service;
    }

    public ServiceProcess service() {
        return service;
    }
}
