package io.jixiao.disclosure.report;

import io.jixiao.disclosure.report.DistrictLedger.Rectification;
import io.jixiao.disclosure.report.DistrictReport.RectificationLine;
import io.jixiao.disclosure.report.DistrictReport.Rectifications;
import io.jixiao.events.evaluation.RectificationCompleted;
import io.jixiao.events.evaluation.RectificationOpened;
import io.jixiao.events.evaluation.RectificationOverdue;
import io.jixiao.events.evaluation.RectificationSignedOff;
import io.jixiao.events.evaluation.RectificationSource;
import io.jixiao.events.evaluation.RectificationStatus;
import java.util.ArrayList;
import java.util.List;

/** 整改: the rectification items of the report's year, counted and listed — a pure function of the ledger. */
final class RectificationSection {
    private RectificationSection() {
    }

    static Rectifications of(DistrictLedger ledger, int year) {
        List<RectificationLine> items = new ArrayList<>();
        int open = 0;
        int inProgress = 0;
        int done = 0;
        int signedOff = 0;
        int overdue = 0;
        int late = 0;
        int returned = 0;
        int returns = 0;
        for (Rectification r : ledger.rectifications().values()) {
            if (r.year() != year) {
                continue;
            }
            RectificationStatus status = r.status();
            open += status == RectificationStatus.OPEN ? 1 : 0;
            inProgress += status == RectificationStatus.IN_PROGRESS ? 1 : 0;
            overdue += status == RectificationStatus.OVERDUE ? 1 : 0;
            done += status != null && status.finished() ? 1 : 0;
            signedOff += status == RectificationStatus.SIGNED_OFF ? 1 : 0;
            RectificationCompleted completed = r.completed().orElse(null);
            boolean doneLate = completed != null && completed.late() && status != null && status.finished();
            late += doneLate ? 1 : 0;
            returned += r.returns() > 0 ? 1 : 0;
            returns += r.returns();
            items.add(line(r, status, completed, doneLate));
        }
        return new Rectifications(items.size(), open, inProgress, done, signedOff, overdue, late, returned, returns,
                items);
    }

    private static RectificationLine line(Rectification r, RectificationStatus status,
                                          RectificationCompleted completed, boolean doneLate) {
        RectificationOpened opened = r.opened().orElse(null);
        RectificationSource source = opened != null ? opened.source() : r.overdue().map(RectificationOverdue::source)
                .orElse(null);
        boolean finished = status != null && status.finished();
        return new RectificationLine(r.rectificationId(),
                source == null || source.kind() == null ? null : source.kind().label(), reference(source),
                source == null ? null : source.problem(), r.ownerUnitId(),
                opened == null ? null : opened.measures(), opened == null ? null : opened.deadline(),
                status == null ? null : status.label(),
                r.overdue().map(RectificationOverdue::overdueAt).orElse(null),
                finished && completed != null ? completed.doneOn() : null, doneLate,
                r.signedOff().map(RectificationSignedOff::signedOn).orElse(null), r.returns(),
                r.openedBy(), finished ? r.completedBy() : null, r.signedOff().isPresent() ? r.signedOffBy() : null);
    }

    /** The source within its kind: key evaluation#finding index, goal#deviation, or the disclosure finding's id. */
    private static String reference(RectificationSource source) {
        if (source == null || source.kind() == null) {
            return null;
        }
        String reference = source.reference();
        return reference.substring(reference.indexOf(':') + 1);
    }
}
