package io.jixiao.evaluation.settings;

import io.jixiao.events.Labelled;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jixiao.evaluation.InvalidInput;
import io.jixiao.evaluation.settings.EvaluationRules.GradeBands;
import io.jixiao.evaluation.settings.EvaluationRules.DisclosureRules;
import io.jixiao.evaluation.settings.EvaluationRules.MonitoringRules;
import io.jixiao.evaluation.settings.EvaluationRules.QualitativeBand;
import io.jixiao.evaluation.settings.EvaluationRules.QualitativeBands;
import io.jixiao.evaluation.settings.EvaluationRules.ResultApplicationRules;
import io.jixiao.evaluation.settings.EvaluationRules.ResultPolicy;
import io.jixiao.evaluation.settings.EvaluationRules.WeightEnforcement;
import io.jixiao.evaluation.settings.EvaluationRules.WeightRules;
import io.jixiao.events.Money;
import io.jixiao.events.evaluation.Grade;
import io.jixiao.events.evaluation.ResultMeasure;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The settings document of the API and of the stored versions. Reading merges a (partial) document over a
 * base — anything not set takes the base's value — and names the field of every problem
 * ({@code resultApplication.cutRatios.减少安排}). Unknown keys are ignored, so a fixture's whole
 * {@code settings} block (with {@code goalBeforeBudget}, {@code note} …) can be sent as it is; under
 * {@code resultApplication} the grade keys may also sit directly ({@code {"优": "重点保障", …}}, as in
 * hetang-2022.json) instead of inside {@code measures}.
 */
public final class RulesJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final BigDecimal ZERO = BigDecimal.ZERO;
    private static final BigDecimal ONE = BigDecimal.ONE;
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private RulesJson() {
    }

    /** {@code body} over {@code base}; {@link InvalidInput} lists every faulty field. */
    public static EvaluationRules read(JsonNode body, EvaluationRules base) {
        if (body == null || !body.isObject()) {
            throw InvalidInput.of("SETTINGS_INVALID", "body", "the settings must be a JSON object");
        }
        Reader r = new Reader("SETTINGS_INVALID");
        EvaluationRules rules = new EvaluationRules(
                r.gradeBands(body.path("gradeBands"), base.gradeBands()),
                r.resultApplication(body.path("resultApplication"), base.resultApplication()),
                r.monitoring(body.path("monitoring"), base.monitoring()),
                r.weights(body.path("weights"), base.weights()),
                r.qualitative(body.path("qualitativeBands"), base.qualitativeBands()),
                r.disclosure(body.path("disclosure"), base.disclosure()));
        r.crossCheck(rules);
        r.problems.throwIfAny();
        return rules;
    }

    public static ObjectNode write(EvaluationRules rules) {
        ObjectNode root = NODES.objectNode();
        ObjectNode bands = root.putObject("gradeBands");
        bands.put(Grade.EXCELLENT.label(), plain(rules.gradeBands().excellent()));
        bands.put(Grade.GOOD.label(), plain(rules.gradeBands().good()));
        bands.put(Grade.FAIR.label(), plain(rules.gradeBands().fair()));

        writeResultApplication(root.putObject("resultApplication"), rules.resultApplication());

        MonitoringRules m = rules.monitoring();
        ObjectNode monitoring = root.putObject("monitoring");
        ArrayNode months = monitoring.putArray("checkpointMonths");
        m.checkpointMonths().forEach(months::add);
        monitoring.put("tolerancePoints", plain(m.tolerancePoints()));
        ObjectNode key = monitoring.putObject("keyMonitoring");
        key.put("minBudget", Money.yuan(m.keyMinBudgetFen()));
        key.put("executionBelowPercent", plain(m.keyExecutionBelowPercent()));
        key.put("month", m.keyMonth());

        WeightRules w = rules.weights();
        ObjectNode weights = root.putObject("weights");
        weights.put("total", plain(w.total()));
        weights.put("enforcement", w.enforcement().name());
        weights.put("budgetExecutionDefault", plain(w.budgetExecutionDefault()));

        ObjectNode qualitative = root.putObject("qualitativeBands");
        for (QualitativeLevel level : QualitativeLevel.values()) {
            QualitativeBand b = rules.qualitativeBands().of(level);
            ObjectNode band = qualitative.putObject(level.label());
            band.put("min", plain(b.minShare()));
            band.put("max", plain(b.maxShare()));
            band.put("default", plain(b.defaultShare()));
        }
        root.putObject("disclosure").put("goalsDeadlineDays", rules.disclosure().goalsDeadlineDays());
        return root;
    }

    /** The result-application part of the settings document ({@code policy}, {@code measures}, …). */
    public static ObjectNode writeResultApplication(ObjectNode application, ResultApplicationRules ra) {
        application.put("policy", ra.policy().name());
        ObjectNode measures = application.putObject("measures");
        for (Grade g : Grade.values()) {
            measures.put(g.label(), ra.measures().get(g).label());
        }
        ObjectNode ratios = application.putObject("cutRatios");
        for (ResultMeasure m : ResultMeasure.values()) {
            ratios.put(m.label(), plain(ra.cutRatios().get(m)));
        }
        application.put("cutShare", plain(ra.cutShare()));
        application.put("acceptedSelfEvaluationsOnly", ra.acceptedSelfEvaluationsOnly());
        return application;
    }

    /**
     * A document of the result-application part alone (as under {@code resultApplication} in the settings) over
     * {@code base}; an {@link InvalidInput} under {@code rule} names each faulty field by its path in that part
     * ({@code cutShare}, {@code measures.良}).
     */
    public static ResultApplicationRules readResultApplication(JsonNode body, ResultApplicationRules base,
                                                               String rule) {
        if (body == null || !body.isObject()) {
            throw InvalidInput.of(rule, "body", "the policy must be a JSON object");
        }
        Reader r = new Reader(rule);
        ResultApplicationRules rules = r.resultApplication(body, base, "body", "");
        r.problems.throwIfAny();
        return rules;
    }

    /** Canonical: no trailing zeros ({@code 0.10} → {@code 0.1}), so equal rules write equal documents. */
    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    /** Whether two rule sets are the same rules (decimals compared by value). */
    public static boolean same(EvaluationRules a, EvaluationRules b) {
        return write(a).equals(write(b));
    }

    /** Reads with a running list of problems, so one answer names every faulty field. */
    private static final class Reader {
        final InvalidInput.Collector problems;

        Reader(String rule) {
            problems = new InvalidInput.Collector(rule);
        }

        GradeBands gradeBands(JsonNode node, GradeBands base) {
            if (!object(node, "gradeBands")) {
                return base;
            }
            BigDecimal excellent = base.excellent();
            BigDecimal good = base.good();
            BigDecimal fair = base.fair();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String field = "gradeBands." + e.getKey();
                Grade grade = grade(e.getKey(), field);
                BigDecimal bound = decimal(e.getValue(), field, ZERO, HUNDRED);
                if (grade == null || bound == null) {
                    continue;
                }
                switch (grade) {
                    case EXCELLENT -> excellent = bound;
                    case GOOD -> good = bound;
                    case FAIR -> fair = bound;
                    case POOR -> problems.add(field, "差 has no lower bound: it is everything below 中");
                }
            }
            if (!(fair.compareTo(good) < 0 && good.compareTo(excellent) < 0)) {
                problems.add("gradeBands", "the lower bounds must rise: 中 (" + plain(fair) + ") < 良 (" + plain(good)
                        + ") < 优 (" + plain(excellent) + ")");
            }
            return new GradeBands(excellent, good, fair);
        }

        ResultApplicationRules resultApplication(JsonNode node, ResultApplicationRules base) {
            return resultApplication(node, base, "resultApplication", "resultApplication.");
        }

        /** {@code name}: the part's own field (for "must be an object"); {@code prefix}: that of its fields. */
        ResultApplicationRules resultApplication(JsonNode node, ResultApplicationRules base, String name,
                                                 String prefix) {
            if (!object(node, name)) {
                return base;
            }
            ResultPolicy policy = base.policy();
            if (node.hasNonNull("policy")) {
                try {
                    policy = ResultPolicy.valueOf(node.path("policy").asText().trim().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    problems.add(prefix + "policy", "must be one of " + List.of(ResultPolicy.values()));
                }
            }
            Map<Grade, ResultMeasure> measures = new EnumMap<>(base.measures());
            JsonNode inner = node.path("measures");
            if (object(inner, prefix + "measures")) {
                readMeasures(inner, prefix + "measures.", measures, false);
            }
            readMeasures(node, prefix, measures, true);
            Map<ResultMeasure, BigDecimal> ratios = new EnumMap<>(base.cutRatios());
            JsonNode ratioNode = node.path("cutRatios");
            if (object(ratioNode, prefix + "cutRatios")) {
                for (Iterator<Map.Entry<String, JsonNode>> it = ratioNode.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    String field = prefix + "cutRatios." + e.getKey();
                    ResultMeasure measure = measure(e.getKey(), field);
                    BigDecimal ratio = decimal(e.getValue(), field, ZERO, ONE);
                    if (measure != null && ratio != null) {
                        ratios.put(measure, ratio);
                    }
                }
            }
            BigDecimal cutShare = base.cutShare();
            if (node.has("cutShare")) {
                BigDecimal share = decimal(node.path("cutShare"), prefix + "cutShare", ZERO, ONE);
                cutShare = share == null ? cutShare : share;
            }
            boolean acceptedOnly = base.acceptedSelfEvaluationsOnly();
            JsonNode accepted = node.path("acceptedSelfEvaluationsOnly");
            if (accepted.isBoolean()) {
                acceptedOnly = accepted.booleanValue();
            } else if (!accepted.isMissingNode() && !accepted.isNull()) {
                problems.add(prefix + "acceptedSelfEvaluationsOnly", "must be true or false");
            }
            return new ResultApplicationRules(policy, measures, ratios, cutShare, acceptedOnly);
        }

        /** Grade keys ({@code 优} or {@code EXCELLENT}) → measures; other keys are skipped when {@code lenient}. */
        private void readMeasures(JsonNode node, String prefix, Map<Grade, ResultMeasure> measures, boolean lenient) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                Grade grade = lenient ? parseGrade(e.getKey()) : grade(e.getKey(), prefix + e.getKey());
                if (grade == null) {
                    continue;
                }
                ResultMeasure measure = measure(e.getValue().asText(), prefix + e.getKey());
                if (measure != null) {
                    measures.put(grade, measure);
                }
            }
        }

        DisclosureRules disclosure(JsonNode node, DisclosureRules base) {
            if (!object(node, "disclosure") || !node.has("goalsDeadlineDays")) {
                return base;
            }
            JsonNode days = node.path("goalsDeadlineDays");
            if (!days.canConvertToInt() || !days.asText().matches("\\d{1,3}") || days.asInt() < 1
                    || days.asInt() > 366) {
                problems.add("disclosure.goalsDeadlineDays", "must be a number of days 1–366");
                return base;
            }
            return new DisclosureRules(days.asInt());
        }

        MonitoringRules monitoring(JsonNode node, MonitoringRules base) {
            if (!object(node, "monitoring")) {
                return base;
            }
            List<Integer> months = base.checkpointMonths();
            if (node.has("checkpointMonths")) {
                JsonNode list = node.path("checkpointMonths");
                if (!list.isArray() || list.isEmpty()) {
                    problems.add("monitoring.checkpointMonths", "must be a non-empty list of months 1–12");
                } else {
                    Set<Integer> read = new LinkedHashSet<>();
                    for (int i = 0; i < list.size(); i++) {
                        JsonNode month = list.get(i);
                        if (!month.canConvertToInt() || month.asInt() < 1 || month.asInt() > 12
                                || !month.asText().matches("\\d{1,2}")) {
                            problems.add("monitoring.checkpointMonths[" + i + "]", "must be a month 1–12");
                        } else if (!read.add(month.asInt())) {
                            problems.add("monitoring.checkpointMonths[" + i + "]", "month " + month.asInt()
                                    + " is listed twice");
                        }
                    }
                    months = read.stream().sorted().toList();
                }
            }
            BigDecimal tolerance = orBase(node, "tolerancePoints", "monitoring.tolerancePoints", ZERO, HUNDRED,
                    base.tolerancePoints());
            long minBudget = base.keyMinBudgetFen();
            BigDecimal below = base.keyExecutionBelowPercent();
            int keyMonth = base.keyMonth();
            JsonNode key = node.path("keyMonitoring");
            if (object(key, "monitoring.keyMonitoring")) {
                if (key.has("minBudget")) {
                    BigDecimal yuan = decimal(key.path("minBudget"), "monitoring.keyMonitoring.minBudget", ZERO,
                            new BigDecimal("1000000000000"));
                    if (yuan != null) {
                        if (yuan.stripTrailingZeros().scale() > 2) {
                            problems.add("monitoring.keyMonitoring.minBudget", "yuan with at most two decimals");
                        } else {
                            minBudget = Money.yuanToFen(yuan);
                        }
                    }
                }
                below = orBase(key, "executionBelowPercent", "monitoring.keyMonitoring.executionBelowPercent", ZERO,
                        HUNDRED, below);
                if (key.has("month")) {
                    JsonNode month = key.path("month");
                    if (!month.canConvertToInt() || month.asInt() < 1 || month.asInt() > 12
                            || !month.asText().matches("\\d{1,2}")) {
                        problems.add("monitoring.keyMonitoring.month", "must be a month 1–12");
                    } else {
                        keyMonth = month.asInt();
                    }
                }
            }
            return new MonitoringRules(months, tolerance, minBudget, below, keyMonth);
        }

        WeightRules weights(JsonNode node, WeightRules base) {
            if (!object(node, "weights")) {
                return base;
            }
            BigDecimal total = orBase(node, "total", "weights.total", new BigDecimal("0.01"), new BigDecimal("1000"),
                    base.total());
            WeightEnforcement enforcement = base.enforcement();
            if (node.hasNonNull("enforcement")) {
                try {
                    enforcement = WeightEnforcement.valueOf(node.path("enforcement").asText().trim()
                            .toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    problems.add("weights.enforcement", "must be one of " + List.of(WeightEnforcement.values()));
                }
            }
            BigDecimal execution = orBase(node, "budgetExecutionDefault", "weights.budgetExecutionDefault", ZERO,
                    new BigDecimal("1000"), base.budgetExecutionDefault());
            return new WeightRules(total, enforcement, execution);
        }

        QualitativeBands qualitative(JsonNode node, QualitativeBands base) {
            if (!object(node, "qualitativeBands")) {
                return base;
            }
            Map<QualitativeLevel, QualitativeBand> bands = new EnumMap<>(QualitativeLevel.class);
            for (QualitativeLevel level : QualitativeLevel.values()) {
                bands.put(level, base.of(level));
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String field = "qualitativeBands." + e.getKey();
                QualitativeLevel level;
                try {
                    level = Labelled.parse(QualitativeLevel.class, e.getKey());
                } catch (IllegalArgumentException ex) {
                    problems.add(field, ex.getMessage());
                    continue;
                }
                if (!object(e.getValue(), field)) {
                    continue;
                }
                QualitativeBand was = bands.get(level);
                BigDecimal min = orBase(e.getValue(), "min", field + ".min", ZERO, ONE, was.minShare());
                BigDecimal max = orBase(e.getValue(), "max", field + ".max", ZERO, ONE, was.maxShare());
                BigDecimal dflt = orBase(e.getValue(), "default", field + ".default", ZERO, ONE, was.defaultShare());
                if (min.compareTo(max) > 0 || dflt.compareTo(min) < 0 || dflt.compareTo(max) > 0) {
                    problems.add(field, "needs min ≤ default ≤ max (shares of the weight, 0–1)");
                }
                bands.put(level, new QualitativeBand(min, max, dflt));
            }
            return new QualitativeBands(bands.get(QualitativeLevel.ACHIEVED), bands.get(QualitativeLevel.PARTLY_ACHIEVED),
                    bands.get(QualitativeLevel.NOT_ACHIEVED));
        }

        void crossCheck(EvaluationRules rules) {
            if (rules.gradeBands().excellent().compareTo(rules.weights().total()) > 0) {
                problems.add("gradeBands", "优's lower bound " + plain(rules.gradeBands().excellent())
                        + " is above the weight total " + plain(rules.weights().total()));
            }
            if (rules.weights().budgetExecutionDefault().compareTo(rules.weights().total()) > 0) {
                problems.add("weights.budgetExecutionDefault", "is above the weight total");
            }
        }

        private BigDecimal orBase(JsonNode node, String key, String field, BigDecimal min, BigDecimal max,
                                  BigDecimal base) {
            if (!node.has(key)) {
                return base;
            }
            BigDecimal value = decimal(node.path(key), field, min, max);
            return value == null ? base : value;
        }

        private boolean object(JsonNode node, String field) {
            if (node.isMissingNode() || node.isNull()) {
                return false;
            }
            if (!node.isObject()) {
                problems.add(field, "must be an object");
                return false;
            }
            return true;
        }

        private BigDecimal decimal(JsonNode node, String field, BigDecimal min, BigDecimal max) {
            if (!(node.isNumber() || node.isTextual())) {
                problems.add(field, "must be a number");
                return null;
            }
            BigDecimal value;
            try {
                value = new BigDecimal(node.asText().trim());
            } catch (NumberFormatException e) {
                problems.add(field, "'" + node.asText() + "' is not a number");
                return null;
            }
            if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
                problems.add(field, "must be between " + plain(min) + " and " + plain(max));
                return null;
            }
            if (value.stripTrailingZeros().scale() > 4) {
                problems.add(field, "at most four decimals");
                return null;
            }
            return value;
        }

        private Grade grade(String text, String field) {
            try {
                return Labelled.parse(Grade.class, text);
            } catch (IllegalArgumentException e) {
                problems.add(field, e.getMessage());
                return null;
            }
        }

        private static Grade parseGrade(String text) {
            try {
                return Labelled.parse(Grade.class, text);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }

        private ResultMeasure measure(String text, String field) {
            try {
                return Labelled.parse(ResultMeasure.class, text);
            } catch (IllegalArgumentException e) {
                problems.add(field, e.getMessage());
                return null;
            }
        }
    }
}
