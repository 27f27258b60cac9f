package io.jixiao.evaluation.access;

import io.jixiao.support.context.Who;

/**
 * Who may do each write of evaluation-service to one object, checked inside the service against the object as
 * recorded (the gateway has already checked role and district). One row per act.
 */
public enum Act {
    //                        what                                              who
    DECLARE_GOAL(             "declare or revise this goal",                    Who.FINANCE_OR_OWN_UNIT),
    APPROVE_GOAL(             "approve this goal",                              Who.FINANCE),
    RETURN_GOAL(              "return this goal",                               Who.FINANCE),
    RECORD_MONITORING(        "record monitoring of this goal",                 Who.FINANCE_OR_OWN_UNIT),
    CORRECT_DEVIATION(        "record a corrective action for this goal",       Who.FINANCE_OR_OWN_UNIT),
    DECIDE_ON_DEVIATION(      "decide on a deviation's money (暂缓支付, 调整, 收回, 恢复支付)", Who.FINANCE),
    SUBMIT_SELF_EVALUATION(   "submit the self-evaluation of this goal",        Who.FINANCE_OR_OWN_UNIT),
    REVIEW_SELF_EVALUATION(   "accept, return or spot-check a self-evaluation",  Who.FINANCE),
    COMMISSION_KEY_EVALUATION("commission a key evaluation",                    Who.FINANCE),
    COMPLETE_KEY_EVALUATION(  "score this key evaluation",                      Who.COMMISSIONED_AGENCY),
    APPLY_RESULT(             "apply an evaluation's result to budgets",        Who.FINANCE),
    PREVIEW_RESULT_POLICY(    "preview a result-application policy (预演)",      Who.FINANCE_OR_AUDITOR),
    APPLY_RESULT_POLICY(      "apply a result-application policy to a year",    Who.FINANCE),
    CHANGE_SETTINGS(          "change the district's evaluation rules",         Who.FINANCE),
    OPEN_RECTIFICATION(       "open a rectification item",                      Who.FINANCE),
    RECTIFY(                  "record progress of or report done this rectification item", Who.OWN_UNIT),
    SIGN_OFF_RECTIFICATION(   "sign off or return this rectification item",     Who.FINANCE),
    ERASE_PERSONAL_DATA(      "erase a person's data (加密删除)",                 Who.FINANCE);

    private final String description;
    private final Who who;

    Act(String description, Who who) {
        this.description = description;
        this.who = who;
    }

    public Who who() {
        return who;
    }

    /** Refuses (403 problem+json, nothing recorded) unless the current caller may do this act. */
    public void require(String districtCode, String owner) {
        who.require(description, districtCode, owner);
    }

    public void require(String districtCode) {
        require(districtCode, null);
    }
}
