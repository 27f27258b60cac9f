package io.jixiao.budget.project;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.jixiao.budget.project.ProjectCommands.AdjustBudget;
import io.jixiao.budget.project.ProjectCommands.AppropriateBudget;
import io.jixiao.budget.project.ProjectCommands.CarryOverFunds;
import io.jixiao.budget.project.ProjectCommands.RecordExpenditure;
import io.jixiao.budget.project.ProjectCommands.Recorded;
import io.jixiao.budget.project.ProjectCommands.RegisterProject;
import io.jixiao.events.EventMetadata;
import io.jixiao.events.Money;
import io.jixiao.events.budget.BudgetAdjusted;
import io.jixiao.events.budget.BudgetAppropriated;
import io.jixiao.events.budget.ExpenditureRecorded;
import io.jixiao.events.budget.FundsCarriedOver;
import io.jixiao.events.budget.ProjectRegistered;
import io.jixiao.support.axon.CommandSender;
import io.jixiao.support.domain.Conflict;
import io.jixiao.support.domain.RequestLedger;
import io.jixiao.support.domain.RuleViolation;
import java.time.LocalDate;
import java.util.Optional;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One project's funding. Command handlers check the rules and {@code apply}; event-sourcing handlers
 * only assign. Rules: the budget never goes below what was spent; spending never exceeds what is
 * available; amounts are positive where they must be; dates fall in the project's fiscal year.
 */
@Aggregate(snapshotTriggerDefinition = "projectSnapshotTrigger")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Project {
    @AggregateIdentifier
    private String projectKey;
    private ProjectRegistered registration;
    private FundingFigures figures = FundingFigures.NONE;
    private RequestLedger requests = new RequestLedger();
    private long lastSequence = -1;

    protected Project() {
        // for Axon
    }

    /** Registering again with the same facts is a no-op (false); with other facts it is a conflict. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public boolean handle(RegisterProject command) {
        ProjectRegistered event = new ProjectRegistered(command.districtCode(), command.projectId(), command.unitId(),
                command.name(), command.category(), command.fiscalYear(), command.projectCount());
        if (registration != null) {
            if (registration.equals(event)) {
                return false;
            }
            throw new Conflict("PROJECT_ID_TAKEN", "project '" + command.projectId() + "' is already registered in "
                    + command.districtCode() + " with other details");
        }
        apply(event);
        return true;
    }

    @CommandHandler
    public Recorded handle(AppropriateBudget command, @MetaDataValue(EventMetadata.REQUEST_ID) String requestId,
                           @MetaDataValue(CommandSender.REQUEST_FINGERPRINT) String fingerprint) {
        BudgetAppropriated event = new BudgetAppropriated(districtCode(), projectId(), command.amountFen(),
                command.fundSource(), command.docNo(), dateOrToday(command.date()));
        return replayOf(requestId, fingerprint).orElseGet(() -> {
            requirePositive(command.amountFen());
            requireDateNear(event.date(), "date", registration.fiscalYear() - 1, registration.fiscalYear());
            return record(event);
        });
    }

    @CommandHandler
    public Recorded handle(AdjustBudget command, @MetaDataValue(EventMetadata.REQUEST_ID) String requestId,
                           @MetaDataValue(CommandSender.REQUEST_FINGERPRINT) String fingerprint) {
        BudgetAdjusted event = new BudgetAdjusted(districtCode(), projectId(), command.amountFen(), command.basis(),
                command.reason(), command.docNo(), dateOrToday(command.date()), command.causeEventId());
        return replayOf(requestId, fingerprint).orElseGet(() -> {
            if (command.amountFen() == 0) {
                throw new RuleViolation("ADJUSTMENT_ZERO", "amount", "an adjustment must change the budget");
            }
            long budgetAfter = figures.budget() + command.amountFen();
            if (budgetAfter < figures.spent()) {
                throw new RuleViolation("BUDGET_BELOW_SPENT", "amount", "the budget would become "
                        + Money.yuan(budgetAfter) + " yuan, below the " + Money.yuan(figures.spent())
                        + " yuan already spent");
            }
            return record(event);
        });
    }

    @CommandHandler
    public Recorded handle(CarryOverFunds command, @MetaDataValue(EventMetadata.REQUEST_ID) String requestId,
                           @MetaDataValue(CommandSender.REQUEST_FINGERPRINT) String fingerprint) {
        FundsCarriedOver event = new FundsCarriedOver(districtCode(), projectId(), command.amountFen(),
                command.fromYear(), dateOrToday(command.date()));
        return replayOf(requestId, fingerprint).orElseGet(() -> {
            requirePositive(command.amountFen());
            if (command.fromYear() >= registration.fiscalYear()) {
                throw new RuleViolation("CARRY_OVER_FROM_EARLIER_YEAR", "fromYear", "funds can only be carried over "
                        + "from a year before " + registration.fiscalYear());
            }
            return record(event);
        });
    }

    @CommandHandler
    public Recorded handle(RecordExpenditure command, @MetaDataValue(EventMetadata.REQUEST_ID) String requestId,
                           @MetaDataValue(CommandSender.REQUEST_FINGERPRINT) String fingerprint) {
        ExpenditureRecorded event = new ExpenditureRecorded(districtCode(), projectId(), command.amountFen(),
                dateOrToday(command.date()));
        return replayOf(requestId, fingerprint).orElseGet(() -> {
            requirePositive(command.amountFen());
            requireDateNear(event.date(), "date", registration.fiscalYear(), registration.fiscalYear());
            if (command.amountFen() > figures.available()) {
                throw new RuleViolation("SPENDING_ABOVE_AVAILABLE", "amount", "spending " + Money.yuan(command.amountFen())
                        + " yuan exceeds the " + Money.yuan(figures.available()) + " yuan available");
            }
            return record(event);
        });
    }

    private Optional<Recorded> replayOf(String requestId, String fingerprint) {
        return requests.replayOf(requestId, fingerprint).map(sequence -> new Recorded(sequence, true));
    }

    private Recorded record(Object event) {
        apply(event);
        return new Recorded(lastSequence, false);
    }

    private static void requirePositive(long amountFen) {
        if (amountFen <= 0) {
            throw new RuleViolation("AMOUNT_NOT_POSITIVE", "amount", "the amount must be greater than zero");
        }
    }

    private static void requireDateNear(LocalDate date, String field, int firstYear, int lastYear) {
        if (date.getYear() < firstYear || date.getYear() > lastYear) {
            throw new RuleViolation("DATE_OUTSIDE_FISCAL_YEAR", field, "date " + date + " is outside "
                    + (firstYear == lastYear ? "fiscal year " + lastYear : "the years " + firstYear + "–" + lastYear));
        }
    }

    private static LocalDate dateOrToday(LocalDate date) {
        return date != null ? date : LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
    }

    private String districtCode() {
        return registration.districtCode();
    }

    private String projectId() {
        return registration.projectId();
    }

    @EventSourcingHandler
    void on(ProjectRegistered event, @SequenceNumber long sequence) {
        projectKey = ProjectCommands.projectKey(event.districtCode(), event.projectId());
        registration = event;
        lastSequence = sequence;
    }

    @EventSourcingHandler
    void on(BudgetAppropriated event, @SequenceNumber long sequence, @MetaDataValue(EventMetadata.REQUEST_ID) String requestId,
                           @MetaDataValue(CommandSender.REQUEST_FINGERPRINT) String fingerprint) {
        moved(event, sequence, requestId, fingerprint);
    }

    @EventSourcingHandler
    void on(BudgetAdjusted event, @SequenceNumber long sequence, @MetaDataValue(EventMetadata.REQUEST_ID) String requestId,
                           @MetaDataValue(CommandSender.REQUEST_FINGERPRINT) String fingerprint) {
        moved(event, sequence, requestId, fingerprint);
    }

    @EventSourcingHandler
    void on(FundsCarriedOver event, @SequenceNumber long sequence, @MetaDataValue(EventMetadata.REQUEST_ID) String requestId,
                           @MetaDataValue(CommandSender.REQUEST_FINGERPRINT) String fingerprint) {
        moved(event, sequence, requestId, fingerprint);
    }

    @EventSourcingHandler
    void on(ExpenditureRecorded event, @SequenceNumber long sequence, @MetaDataValue(EventMetadata.REQUEST_ID) String requestId,
                           @MetaDataValue(CommandSender.REQUEST_FINGERPRINT) String fingerprint) {
        moved(event, sequence, requestId, fingerprint);
    }

    private void moved(Object event, long sequence, String requestId, String fingerprint) {
        figures = figures.after(event);
        requests.remember(requestId, fingerprint, sequence);
        lastSequence = sequence;
    }
}
