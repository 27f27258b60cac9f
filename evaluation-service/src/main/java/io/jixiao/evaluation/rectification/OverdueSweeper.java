package io.jixiao.evaluation.rectification;

import io.jixiao.evaluation.Keys;
import io.jixiao.evaluation.rectification.RectificationCommands.MarkOverdue;
import io.jixiao.evaluation.rectification.RectificationCommands.RectificationResult;
import io.jixiao.evaluation.rectification.RectificationView.ItemRecord;
import io.jixiao.support.axon.CommandSender;
import io.jixiao.support.context.CallerContext;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Records 逾期 when a deadline passes: every {@code jixiao.rectification.sweep-interval} (default one minute) each
 * unfinished item whose deadline day has ended (in Asia/Shanghai) by the service's clock gets a {@code MarkOverdue},
 * sent as {@code system:rectification-overdue}. The aggregate records {@code RectificationOverdue} once and answers
 * every later one with no event, so a second sweep, a restart or a second instance sweeping the same item records
 * nothing more; the event carries the instant the deadline passed. Off with
 * {@code jixiao.rectification.sweep-enabled=false} (then {@link #sweep()} runs it).
 */
@Component
public class OverdueSweeper {
    public static final String ACTOR = "rectification-overdue";
    private static final Logger log = LoggerFactory.getLogger(OverdueSweeper.class);
    private final RectificationView view;
    private final CommandSender commands;
    private final Clock clock;
    private final boolean enabled;

    public OverdueSweeper(RectificationView view, CommandSender commands, Clock clock,
                          @Value("${jixiao.rectification.sweep-enabled:true}") boolean enabled) {
        this.view = view;
        this.commands = commands;
        this.clock = clock;
        this.enabled = enabled;
    }

    /** The clock deadlines are read against (tests set their own) and Spring's scheduler for the sweep. */
    @Configuration(proxyBeanMethods = false)
    @EnableScheduling
    static class Scheduling {
        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }

    @Scheduled(fixedDelayString = "${jixiao.rectification.sweep-interval:PT1M}", initialDelayString = "PT10S")
    public void scheduled() {
        if (enabled) {
            sweep();
        }
    }

    /** Sweeps at the clock's instant; answers how many items it recorded overdue. */
    public int sweep() {
        return sweep(clock.instant());
    }

    /** Marks overdue every unfinished item whose deadline has passed at {@code now}; one that fails is logged. */
    public int sweep(Instant now) {
        AtomicInteger marked = new AtomicInteger();
        CallerContext.system(ACTOR, UUID.randomUUID().toString()).run(() -> {
            for (ItemRecord item : view.pastDeadline(now)) {
                try {
                    RectificationResult result = commands.send(new MarkOverdue(Keys.rectification(item.districtCode(),
                            item.rectificationId()), now), item.districtCode());
                    if (result.recorded()) {
                        marked.incrementAndGet();
                    }
                } catch (RuntimeException e) {
                    log.warn("rectification {} of {} not marked overdue: {}", item.rectificationId(),
                            item.districtCode(), e.toString());
                }
            }
        });
        return marked.get();
    }
}
