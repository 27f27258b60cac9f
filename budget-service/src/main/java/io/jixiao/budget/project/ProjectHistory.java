package io.jixiao.budget.project;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jixiao.budget.project.ProjectResponses.Figures;
import io.jixiao.budget.project.ProjectResponses.History;
import io.jixiao.budget.project.ProjectResponses.HistoryEntry;
import io.jixiao.events.EventMetadata;
import io.jixiao.events.Money;
import io.jixiao.support.domain.NotFound;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * The auditor's view: every stored event of a project up to an instant, in order, each with its
 * metadata and the running figures after it, folded by the same {@link FundingFigures} the aggregate uses.
 */
@Component
public class ProjectHistory {
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    private final EventStore eventStore;
    private final ObjectMapper objectMapper;

    public ProjectHistory(EventStore eventStore, ObjectMapper objectMapper) {
        this.eventStore = eventStore;
        this.objectMapper = objectMapper;
    }

    public History asOf(String districtCode, String projectId, Instant asOf) {
        DomainEventStream stream = eventStore.readEvents(ProjectCommands.projectKey(districtCode, projectId), 0);
        List<HistoryEntry> entries = new ArrayList<>();
        FundingFigures figures = FundingFigures.NONE;
        Long version = null;
        boolean any = false;
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            any = true;
            if (event.getTimestamp().isAfter(asOf)) {
                break;
            }
            Object payload = event.getPayload();
            figures = figures.after(payload);
            version = event.getSequenceNumber();
            Map<String, Object> details = objectMapper.convertValue(payload, MAP);
            Object fen = details.get("amountFen");
            EventMetadata meta = EventMetadata.from(event.getMetaData());
            entries.add(new HistoryEntry(event.getSequenceNumber(), payload.getClass().getSimpleName(),
                    event.getTimestamp(), meta.actor(), meta.correlationId(), meta.causationId(), meta.requestId(),
                    fen instanceof Number n ? Money.yuan(n.longValue()) : null, details, Figures.of(figures)));
        }
        if (!any) {
            throw new NotFound("projectId", "no project '" + projectId + "' in district " + districtCode);
        }
        return new History(districtCode, projectId, asOf, entries.size(), Figures.of(figures), version, entries);
    }
}
