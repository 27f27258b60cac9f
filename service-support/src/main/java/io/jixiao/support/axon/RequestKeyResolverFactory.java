package io.jixiao.support.axon;

import io.jixiao.events.EventMetadata;
import io.jixiao.support.domain.RequestKey;
import java.lang.reflect.Executable;
import java.lang.reflect.Parameter;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.ParameterResolver;
import org.axonframework.messaging.annotation.ParameterResolverFactory;

/**
 * Lets a command handler or event-sourcing handler take a {@link RequestKey} parameter, read from the message's
 * metadata ({@code requestId} and {@code requestFingerprint}), instead of two {@code @MetaDataValue} strings in
 * every handler. Registered through {@code META-INF/services}, so Spring's Axon configuration and Axon's test
 * fixtures both find it.
 */
public class RequestKeyResolverFactory implements ParameterResolverFactory {

    private static final ParameterResolver<RequestKey> RESOLVER = new ParameterResolver<>() {
        @Override
        public RequestKey resolveParameterValue(Message<?> message) {
            Object requestId = message.getMetaData().get(EventMetadata.REQUEST_ID);
            Object fingerprint = message.getMetaData().get(RequestKey.FINGERPRINT);
            return RequestKey.of(requestId == null ? null : requestId.toString(),
                    fingerprint == null ? null : fingerprint.toString());
        }

        @Override
        public boolean matches(Message<?> message) {
            return true;
        }
    };

    @Override
    public ParameterResolver<?> createInstance(Executable executable, Parameter[] parameters, int parameterIndex) {
        return RequestKey.class.equals(parameters[parameterIndex].getType()) ? RESOLVER : null;
    }
}
