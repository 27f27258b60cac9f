package io.jixiao.support.cluster;

import io.jixiao.support.context.CallerContext;
import io.jixiao.support.context.Who;
import io.swagger.v3.oas.annotations.Operation;
import io.jixiao.support.context.CallerContext;
import io.jixiao.support.context.Who;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Which segments of the tracking processors the answering instance holds, under {@code jixiao.admin.path}
 * ({@code GET /api/budget/admin/processors}); the gateway lets only callers of every district ({@code *}) reach it,
 * and the service checks the same (FINANCE or AUDITOR of every district).
 */
@RestController
@RequestMapping("${jixiao.admin.path}")
@Tag(name = "admin", description = "tracking processors: the segments this instance holds")
public class ProcessorAdminController {
    private final SegmentBalancer balancer;

    public ProcessorAdminController(SegmentBalancer balancer) {
        this.balancer = balancer;
    }

    /** The answering instance, the live instances it counts, and per processor its segments and fair share. */
    public record Processors(String instance, int liveInstances, List<SegmentBalancer.Holding> processors) {
    }

    @GetMapping("/processors")
    @Operation(summary = "The tracking processors' segments held by the answering instance (named in X-Jixiao-Instance)")
    public Processors processors() {
        Who.FINANCE_OR_AUDITOR.require("read the processors' segments of every district", CallerContext.EVERY, null);
        return new Processors(balancer.instanceId(), balancer.liveInstances(), balancer.holdings());
    }
}
