package io.jixiao.disclosure.publication.web;

import io.jixiao.disclosure.events.DisclosurePublished;
import io.jixiao.disclosure.finding.FindingRow;
import io.jixiao.disclosure.finding.Severity;
import io.jixiao.disclosure.finding.web.FindingHistory;
import io.jixiao.disclosure.finding.web.FindingService;
import io.jixiao.disclosure.publication.PackageCommands.Outcome;
import io.jixiao.disclosure.publication.PackageCommands.PublishPackage;
import io.jixiao.disclosure.publication.PackageCommands.RetractPackage;
import io.jixiao.disclosure.publication.PackageCommands;
import io.jixiao.disclosure.publication.PackageRequests;
import io.jixiao.disclosure.publication.PackageView;
import io.jixiao.events.ContactDetails;
import io.jixiao.support.axon.CommandSender;
import io.jixiao.support.domain.NotFound;
import io.jixiao.support.domain.RuleViolation;
import io.jixiao.support.personal.Contacts;
import io.jixiao.support.web.AsOf;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes and retracts packages. Under the district-year's lock, in one transaction: the findings are brought
 * up to date as they stand before this publication; if a fatal one stands for the unit, the publication is refused
 * (422 FATAL_FINDING_STANDS) and nothing is recorded; otherwise the command records the event and the journal row
 * together. A package already recorded is handed to the aggregate without the check, so a retry stays a no-op.
 */
@Service
public class PublicationService {
    private final CommandSender commands;
    private final FindingService findings;
    private final FindingHistory history;
    private final PackageReadModel packages;
    private final TransactionTemplate tx;
    private final Contacts contacts;

    public PublicationService(CommandSender commands, FindingService findings, FindingHistory history,
                              PackageReadModel packages, PlatformTransactionManager transactionManager,
                              Contacts contacts) {
        this.contacts = contacts;
        this.commands = commands;
        this.findings = findings;
        this.history = history;
        this.packages = packages;
        this.tx = new TransactionTemplate(transactionManager);
    }

    private record Attempt(Outcome outcome, List<FindingRow> refusedFor) {
    }

    public PackageView publish(String districtCode, int year, String unitId, PackageRequests.Publish request) {
        // sealed before the command (加密删除); the text of a recorded package again keeps its recorded ciphertext
        ContactDetails sealed = contacts.seal(districtCode, request.contacts(), packages
                .publication(districtCode, request.packageId()).map(DisclosurePublished::contacts).orElse(null));
        DisclosurePublished event = new DisclosurePublished(districtCode, year, unitId, request.packageId(),
                request.kind(), request.publishedOn(), copy(request.tables()), copy(request.explanations()),
                copy(request.figures()), sealed);
        Attempt attempt = tx.execute(status -> {
            history.lock(districtCode, year);
            if (!recorded(districtCode, request.packageId())) {
                List<FindingRow> fatal = findings.synchronise(districtCode, year).stream()
                        .filter(f -> f.unitId().equals(unitId) && f.severity() == Severity.FATAL).toList();
                if (!fatal.isEmpty()) {
                    return new Attempt(null, fatal);  // commit the synchronised history, record nothing
                }
            }
            Outcome outcome = commands.send(new PublishPackage(
                    PackageCommands.packageKey(districtCode, request.packageId()), event), districtCode);
            return new Attempt(outcome, List.of());
        });
        if (attempt.outcome() == null) {
            throw new RuleViolation("FATAL_FINDING_STANDS", "unitId", "unit " + unitId + " may not publish while a "
                    + "fatal finding stands: " + attempt.refusedFor().stream()
                    .map(f -> f.ruleId() + " " + f.title() + " (" + f.subject() + ")").collect(Collectors.joining("; ")));
        }
        List<FindingRow> after = attempt.outcome().replayed() ? findings.evaluate(districtCode, year, Instant.now())
                : findings.synchronise(districtCode, year);
        return view(districtCode, request.packageId()).with(attempt.outcome(),
                after.stream().filter(f -> f.unitId().equals(unitId)).toList());
    }

    public PackageView retract(String districtCode, int year, String unitId, String packageId,
                               PackageRequests.Retract request) {
        LocalDate day = request.retractedOn() != null ? request.retractedOn()
                : LocalDate.now(AsOf.BUREAU_ZONE);
        Outcome outcome = tx.execute(status -> {
            history.lock(districtCode, year);
            if (!recorded(districtCode, packageId)) {
                throw new NotFound("packageId", "no package '" + packageId + "' in " + districtCode);
            }
            return commands.send(new RetractPackage(PackageCommands.packageKey(districtCode, packageId), districtCode,
                    year, unitId, packageId, request.reason(), day), districtCode);
        });
        List<FindingRow> after = findings.synchronise(districtCode, year);
        return view(districtCode, packageId).with(outcome,
                after.stream().filter(f -> f.unitId().equals(unitId)).toList());
    }

    /** The unit's packages of the year as they stand now (the {@code disclosure_package} read model). */
    public List<PackageView> list(String districtCode, int year, String unitId) {
        return packages.list(districtCode, year, unitId);
    }

    public PackageView get(String districtCode, int year, String unitId, String packageId) {
        PackageView view = view(districtCode, packageId);
        if (view.year() != year || !view.unitId().equals(unitId)) {
            throw new NotFound("packageId", "no package '" + packageId + "' of unit " + unitId + " for " + year);
        }
        return view;
    }

    private PackageView view(String districtCode, String packageId) {
        return packages.find(districtCode, packageId)
                .orElseThrow(() -> new NotFound("packageId", "no package '" + packageId + "' in " + districtCode));
    }

    private boolean recorded(String districtCode, String packageId) {
        return packages.find(districtCode, packageId).isPresent();
    }

    private static <V> Map<String, V> copy(Map<String, V> map) {
        return map == null ? Map.of() : new LinkedHashMap<>(map);
    }
}
