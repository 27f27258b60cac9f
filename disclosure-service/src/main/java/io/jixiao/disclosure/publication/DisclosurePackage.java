package io.jixiao.disclosure.publication;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.jixiao.disclosure.events.DisclosurePublished;
import io.jixiao.disclosure.events.DisclosureRetracted;
import io.jixiao.disclosure.publication.PackageCommands.Outcome;
import io.jixiao.disclosure.publication.PackageCommands.PublishPackage;
import io.jixiao.disclosure.publication.PackageCommands.RetractPackage;
import io.jixiao.support.domain.SnapshotState;
import io.jixiao.support.domain.Conflict;
import io.jixiao.support.domain.NotFound;
import io.jixiao.support.domain.RuleViolation;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

/**
 * One disclosure package of a unit's year (its goal tables, or its self-evaluation): published once, withdrawn at
 * most once. Idempotent by package id: publishing the same package again records nothing; publishing other
 * content under the same id is a conflict. Whether the unit may publish at all (no fatal finding standing) is
 * decided before the command is sent, on the findings as they stand before this publication.
 * No Spring: registered with Axon by {@code PublicationConfig}.
 */
@SnapshotState
public class DisclosurePackage {
    @AggregateIdentifier
    private String packageKey;
    private DisclosurePublished published;
    private DisclosureRetracted retracted;
    private long version = -1;

    protected DisclosurePackage() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Outcome handle(PublishPackage command) {
        DisclosurePublished event = command.publication();
        if (published != null) {
            if (published.equals(event)) {
                return outcome(true);
            }
            throw new Conflict("PACKAGE_ID_TAKEN", "package '" + event.packageId() + "' was already published in "
                    + event.districtCode() + " with other content");
        }
        check(event);
        apply(event);
        return outcome(false);
    }

    @CommandHandler
    public Outcome handle(RetractPackage command) {
        if (published == null || !published.unitId().equals(command.unitId()) || published.year() != command.year()) {
            throw new NotFound("packageId", "no package '" + command.packageId() + "' of unit " + command.unitId()
                    + " for " + command.year());
        }
        if (command.reason() == null || command.reason().isBlank()) {
            throw new RuleViolation("RETRACTION_REASON_REQUIRED", "reason", "a retraction says why");
        }
        if (retracted != null) {
            if (retracted.reason().equals(command.reason())) {
                return outcome(true);
            }
            throw new Conflict("PACKAGE_RETRACTED", "package '" + command.packageId() + "' was already retracted");
        }
        apply(new DisclosureRetracted(command.districtCode(), command.year(), command.unitId(), command.packageId(),
                command.reason(), command.retractedOn()));
        return outcome(false);
    }

    /** The rules a package obeys on its own (the cross-unit ones are the findings'). */
    static void check(DisclosurePublished p) {
        if (p.kind() == null) {
            throw new RuleViolation("KIND_REQUIRED", "kind", "a package is GOALS or SELF_EVALUATION");
        }
        if (p.publishedOn() == null) {
            throw new RuleViolation("PUBLISHED_ON_REQUIRED", "publishedOn", "the day the package was published");
        }
        int publishedYear = p.publishedOn().getYear();
        if (publishedYear < p.year() - 1 || publishedYear > p.year() + 2) {
            throw new RuleViolation("PUBLISHED_ON_OUTSIDE_YEAR", "publishedOn", "a package of " + p.year()
                    + " is published between " + (p.year() - 1) + " and " + (p.year() + 2) + ", not on "
                    + p.publishedOn());
        }
        if (p.tables().isEmpty()) {
            throw new RuleViolation("NO_TABLES", "tables", "a package publishes at least one table");
        }
        for (Map.Entry<String, List<String>> table : p.tables().entrySet()) {
            if (table.getKey() == null || table.getKey().isBlank()) {
                throw new RuleViolation("TABLE_NAME_REQUIRED", "tables", "every table has a name");
            }
            if (table.getValue() == null) {
                throw new RuleViolation("TABLE_ENTRIES_REQUIRED", "tables." + table.getKey(),
                        "a table lists its entries (an empty list for an empty table)");
            }
            if (table.getValue().size() != table.getValue().stream().distinct().count()) {
                throw new RuleViolation("TABLE_ENTRY_REPEATED", "tables." + table.getKey(),
                        "a table lists each project or goal once");
            }
        }
        for (String explained : p.explanations().keySet()) {
            if (!p.tables().containsKey(explained)) {
                throw new RuleViolation("EXPLANATION_FOR_UNKNOWN_TABLE", "explanations." + explained,
                        "explains a table the package does not publish");
            }
        }
    }

    private Outcome outcome(boolean replayed) {
        return new Outcome(published.packageId(), retracted == null ? "PUBLISHED" : "RETRACTED", replayed, version);
    }

    @EventSourcingHandler
    void on(DisclosurePublished event, @SequenceNumber long sequence) {
        packageKey = PackageCommands.packageKey(event.districtCode(), event.packageId());
        published = event;
        version = sequence;
    }

    @EventSourcingHandler
    void on(DisclosureRetracted event, @SequenceNumber long sequence) {
        retracted = event;
        version = sequence;
    }
}
