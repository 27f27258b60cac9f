package io.jixiao.evaluation.settings;

import io.jixiao.support.context.CallerContext;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When the service starts, publishes every version of the rules of each district it knows — those listed in
 * {@code jixiao.rules.districts} (the demo districts by default) and those with a stored version — that was not
 * published yet, the built-in version 0 first, as {@code system:district-rules}. So disclosure-service learns every
 * district's rules, 渌口区's 1–8月 included, from evaluation-service alone. A restart or a second instance records
 * nothing more.
 */
@Component
public class RulesAtStartup {
    public static final String ACTOR = "district-rules";
    private static final Logger log = LoggerFactory.getLogger(RulesAtStartup.class);
    private final RuleVersions versions;
    private final RulesPublisher publisher;
    private final List<String> districts;

    public RulesAtStartup(RuleVersions versions, RulesPublisher publisher,
                          @Value("${jixiao.rules.districts:430202,430203,430211,430212,430511}")
                          List<String> districts) {
        this.versions = versions;
        this.publisher = publisher;
        this.districts = districts;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void publishAll() {
        TreeSet<String> all = new TreeSet<>(districts);
        all.addAll(versions.districts());
        CallerContext.system(ACTOR, UUID.randomUUID().toString()).run(() -> all.forEach(district -> {
            try {
                versions.history(district).forEach(publisher::announce);
            } catch (RuntimeException e) {
                log.warn("the rules of {} were not published: {}", district, e.toString());
            }
        }));
    }
}
