package io.jixiao.gateway.routing;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.DefaultResponse;
import org.springframework.cloud.client.loadbalancer.EmptyResponse;
import org.springframework.cloud.client.loadbalancer.Request;
import org.springframework.cloud.client.loadbalancer.RequestDataContext;
import org.springframework.cloud.client.loadbalancer.Response;
import org.springframework.cloud.loadbalancer.core.NoopServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.core.ReactorServiceInstanceLoadBalancer;
import org.springframework.cloud.loadbalancer.core.SelectedInstanceCallback;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import reactor.core.publisher.Mono;

/**
 * Sends every request about one object (a project, a unit, an evaluation … of one district, named in the path) to
 * the same ready instance of a service, and the others round robin. An instance caches the aggregates it loaded;
 * when two instances take turns on one project, each appends on a copy the other has made stale, and the event
 * store refuses the append (a conflict decided again, decision 0049). Rendezvous hashing (the instance with the
 * highest hash of object and instance wins) keeps the choice stable while instances come and go: when one stops
 * being ready (the health-checked list the supplier gives), only its objects move, each to the next instance in
 * its own order, and they come back with it.
 */
public final class AggregateAffinityLoadBalancer implements ReactorServiceInstanceLoadBalancer {
    /** {@code /api/<service>/districts/<code>/<collection>/<id>…}: the object is district, collection and id. */
    private static final Pattern OBJECT = Pattern.compile("^/api/[^/]+/districts/([^/]+)/([^/]+)(?:/([^/]+))?");

    private final ObjectProvider<ServiceInstanceListSupplier> suppliers;
    private final AtomicInteger position = new AtomicInteger();

    public AggregateAffinityLoadBalancer(ObjectProvider<ServiceInstanceListSupplier> suppliers) {
        this.suppliers = suppliers;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Mono<Response<ServiceInstance>> choose(Request request) {
        ServiceInstanceListSupplier supplier = suppliers.getIfAvailable(NoopServiceInstanceListSupplier::new);
        String object = request.getContext() instanceof RequestDataContext context
                && context.getClientRequest() != null ? objectOf(context.getClientRequest().getUrl()) : null;
        return supplier.get(request).next().map(instances -> {
            Response<ServiceInstance> response = choose(instances, object);
            if (supplier instanceof SelectedInstanceCallback callback && response.hasServer()) {
                callback.selectedServiceInstance(response.getServer());
            }
            return response;
        });
    }

    Response<ServiceInstance> choose(List<ServiceInstance> instances, String object) {
        if (instances.isEmpty()) {
            return new EmptyResponse();
        }
        if (object == null || instances.size() == 1) {
            return new DefaultResponse(instances.get(Math.floorMod(position.getAndIncrement(), instances.size())));
        }
        ServiceInstance best = null;
        long bestScore = 0;
        for (ServiceInstance instance : instances) {
            long score = score(object, instance.getUri().toString());
            if (best == null || Long.compareUnsigned(score, bestScore) > 0) {
                best = instance;
                bestScore = score;
            }
        }
        return new DefaultResponse(best);
    }

    /** The object a path is about ({@code 430203/projects/p-1}), or null for a path about none (imports, admin …). */
    static String objectOf(URI url) {
        if (url == null || url.getRawPath() == null) {
            return null;
        }
        Matcher m = OBJECT.matcher(url.getRawPath());
        if (!m.find()) {
            return null;
        }
        return m.group(3) == null ? m.group(1) + "/" + m.group(2) : m.group(1) + "/" + m.group(2) + "/" + m.group(3);
    }

    /** FNV-1a over object and instance, then SplitMix64's finalizer: a well-spread 64-bit score. */
    static long score(String object, String instance) {
        long h = 0xcbf29ce484222325L;
        for (byte b : (object + "\u0000" + instance).getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
        h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
        return h ^ (h >>> 31);
    }
}
