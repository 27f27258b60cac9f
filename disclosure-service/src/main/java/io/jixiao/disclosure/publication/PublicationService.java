package io.jixiao.disclosure.publication;

import io.jixiao.disclosure.finding.FindingHistory;
import io.jixiao.disclosure.finding.FindingRow;
import io.jixiao.disclosure.finding.FindingService;
import io.jixiao.disclosure.finding.Severity;
import io.jixiao.disclosure.publication.PackageCommands.Outcome;
import io.jixiao.disclosure.publication.PackageCommands.PublishPackage;
import io.jixiao.disclosure.publication.PackageCommands.RetractPackage;
import io.jixiao.disclosure.report.DistrictLedger.DisclosurePackageState;
import io.jixiao.disclosure.report.DistrictReportService;
import io.jixiao.support.axon.CommandSender;
import io.jixiao.support.domain.NotFound;
import io.jixiao.support.domain.RuleViolation;
import io.jixiao.support.web.AsOf;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
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
    private final DistrictReportService reports;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    public PublicationService(CommandSender commands, FindingService findings, FindingHistory history,
                              DistrictReportService reports, JdbcTemplate jdbc,
                              PlatformTransactionManager transactionManager) {
        this.commands = commands;
        this.findings = findings;
        this.history = history;
        this.reports = reports;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactionManager);
    }

    private record Attempt(Outcome outcome, List<FindingRow> refusedFor) {
    }

    public PackageView publish(String districtCode, int year, String unitId, PackageRequests.Publish request) {
        DisclosurePublished event = new DisclosurePublished(districtCode, year, unitId, request.packageId(),
                request.kind(), request.publishedOn(), copy(request.tables()), copy(request.explanations()),
                copy(request.figures()));
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

    /** The unit's packages of the year as the journal holds them now. */
    public List<PackageView> list(String districtCode, int year, String unitId) {
        return reports.fold(districtCode, Instant.now()).ledger().packages().values().stream()
                .filter(p -> p.published().isPresent())
                .filter(p -> p.published().get().year() == year && p.published().get().unitId().equals(unitId))
                .map(PackageView::of).toList();
    }

    public PackageView get(String districtCode, int year, String unitId, String packageId) {
        PackageView view = view(districtCode, packageId);
        if (view.year() != year || !view.unitId().equals(unitId)) {
            throw new NotFound("packageId", "no package '" + packageId + "' of unit " + unitId + " for " + year);
        }
        return view;
    }

    private PackageView view(String districtCode, String packageId) {
        DisclosurePackageState state = reports.fold(districtCode, Instant.now()).ledger().packages().get(packageId);
        if (state == null || state.published().isEmpty()) {
            throw new NotFound("packageId", "no package '" + packageId + "' in " + districtCode);
        }
        return PackageView.of(state);
    }

    private boolean recorded(String districtCode, String packageId) {
        return !jdbc.queryForList("SELECT 1 FROM district_event WHERE source = 'disclosure' AND district_code = ? "
                + "AND type = 'DisclosurePublished' AND payload ->> 'packageId' = ? LIMIT 1", Integer.class,
                districtCode, packageId).isEmpty();
    }

    private static <V> Map<String, V> copy(Map<String, V> map) {
        return map == null ? Map.of() : new LinkedHashMap<>(map);
    }
}
