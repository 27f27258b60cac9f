package io.jixiao.support.context;

import io.jixiao.support.domain.Forbidden;

/**
 * Who may do an act to one object, beyond what the gateway decided from role and district alone. Each service keeps
 * its acts in one table ({@code access/Acts} of the service) naming one of these per act, and checks it with
 * {@link #require} inside the service, against the object as recorded.
 */
public enum Who {
    /** The district's finance bureau (role FINANCE): settings, approvals, commissions, result application. */
    FINANCE("FINANCE_ONLY", "role"),
    /** The bureau, or a UNIT user whose token names the object's unit (or every unit). */
    FINANCE_OR_OWN_UNIT("OWN_UNIT_ONLY", "unitId"),
    /** A UNIT user whose token names the object's unit (or every unit). */
    OWN_UNIT("OWN_UNIT_ONLY", "unitId"),
    /** An EVALUATOR of the agency the key evaluation was commissioned to. */
    COMMISSIONED_AGENCY("COMMISSIONED_AGENCY_ONLY", "evaluator"),
    /** The bureau or an auditor of the district (role FINANCE or AUDITOR): reads of the bureau's own figures. */
    FINANCE_OR_AUDITOR("FINANCE_OR_AUDITOR_ONLY", "role");

    private static final String FINANCE_ROLE = "FINANCE";
    private static final String UNIT_ROLE = "UNIT";
    private static final String EVALUATOR_ROLE = "EVALUATOR";
    private static final String AUDITOR_ROLE = "AUDITOR";

    private final String rule;
    private final String field;

    Who(String rule, String field) {
        this.rule = rule;
        this.field = field;
    }

    /** Whether {@code caller} may act on an object in {@code districtCode} owned by {@code owner} (unit or agency). */
    public boolean allows(CallerContext caller, String districtCode, String owner) {
        if (!caller.actsInDistrict(districtCode)) {
            return false;
        }
        return switch (this) {
            case FINANCE -> caller.hasRole(FINANCE_ROLE);
            case FINANCE_OR_OWN_UNIT -> caller.hasRole(FINANCE_ROLE)
                    || caller.hasRole(UNIT_ROLE) && caller.actsForUnit(owner);
            case OWN_UNIT -> caller.hasRole(UNIT_ROLE) && caller.actsForUnit(owner);
            case COMMISSIONED_AGENCY -> caller.hasRole(EVALUATOR_ROLE) && caller.belongsToAgency(owner);
            case FINANCE_OR_AUDITOR -> caller.hasRole(FINANCE_ROLE) || caller.hasRole(AUDITOR_ROLE);
        };
    }

    /**
     * Refuses (403, nothing recorded) unless the current caller may do {@code act} on the object.
     *
     * @param act   what is attempted, for the message (e.g. "submit the self-evaluation of unit czj")
     * @param owner the object's unit or agency as recorded (null when the rule needs none)
     */
    public void require(String act, String districtCode, String owner) {
        CallerContext caller = CallerContext.required();
        if (caller.isSystem() || allows(caller, districtCode, owner)) {
            return;
        }
        if (!caller.actsInDistrict(districtCode)) {
            throw new Forbidden("DISTRICT_NOT_PERMITTED", "districtCode",
                    caller.actor() + " may not act in district " + districtCode);
        }
        String whom = switch (this) {
            case FINANCE -> "only the finance bureau (FINANCE) may " + act;
            case FINANCE_OR_OWN_UNIT -> "only the finance bureau or a user of unit '" + owner + "' may " + act;
            case OWN_UNIT -> "only a user (role UNIT) of unit '" + owner + "' may " + act;
            case COMMISSIONED_AGENCY -> "only an EVALUATOR of '" + owner + "', the agency it was commissioned to, may "
                    + act;
            case FINANCE_OR_AUDITOR -> "only the finance bureau (FINANCE) or an auditor (AUDITOR) may " + act;
        };
        throw new Forbidden(rule, field, whom);
    }
}
