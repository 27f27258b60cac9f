package io.jixiao.budget;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;

/**
 * Loads the money of a {@code jixiao.district-year/1} fixture (copied under src/test/resources/fixtures) through
 * budget-service's HTTP API, the way a budget-management platform would: settings, units and their basic
 * expenditure, projects, 三公经费, transfers and debt. Each call carries an Idempotency-Key.
 */
final class FixtureLoad {
    private final Api api;
    private final JsonNode root;
    private final String d;
    private final int year;
    private final String name;

    FixtureLoad(Api api, String file) throws IOException {
        this.api = api;
        try (InputStream in = FixtureLoad.class.getResourceAsStream("/fixtures/" + file)) {
            this.root = Api.JSON.readTree(in);
        }
        this.d = root.path("district").path("code").asText();
        this.year = root.path("year").asInt();
        this.name = file.replace(".json", "");
    }

    JsonNode root() {
        return root;
    }

    String district() {
        return d;
    }

    int year() {
        return year;
    }

    private ObjectNode node() {
        return Api.JSON.createObjectNode();
    }

    private void post(String path, JsonNode body, String key) {
        Api.Answer answer = api.call("POST", path, body.toString(), "Idempotency-Key", name + "." + key);
        if (answer.status() != 201 && answer.status() != 200) {
            throw new AssertionError("POST " + path + " " + body + " → " + answer.status() + " " + answer.body());
        }
    }

    void load() {
        JsonNode settings = root.path("settings");
        if (settings.has("goalBeforeBudget")) {
            api.expect(200, "PUT", "/api/budget/districts/" + d + "/settings",
                    node().put("goalBeforeBudget", settings.get("goalBeforeBudget").asBoolean()).toString());
        }
        units();
        projects();
        threePublic();
        transfers();
        debt();
    }

    private void units() {
        for (JsonNode u : root.path("units")) {
            String id = u.get("id").asText();
            ObjectNode body = node().put("name", u.get("name").asText()).put("aggregate", u.path("aggregate").asBoolean());
            if (u.has("staffing")) {
                body.putObject("staffing").put("authorized", u.path("staffing").path("authorized").asInt())
                        .put("actual", u.path("staffing").path("actual").asInt());
            }
            Api.Answer registered = api.call("PUT", "/api/budget/districts/" + d + "/units/" + id, body.toString());
            if (registered.status() != 201 && registered.status() != 200) {
                throw new AssertionError("unit " + id + ": " + registered.body());
            }
            JsonNode basic = u.path("basic");
            if (basic.isMissingNode()) {
                continue;
            }
            String base = "/api/budget/districts/" + d + "/units/" + id + "/years/" + year;
            post(base + "/basic-budget", node().put("amount", Api.wanToYuan(basic.get("budgetWan").asText()))
                    .put("date", year + "-01-01"), id + ".basic");
            int i = 0;
            for (JsonNode a : basic.path("adjustments")) {
                post(base + "/basic-adjustments", node().put("amount", Api.wanToYuan(a.get("amountWan").asText()))
                        .put("basis", a.get("basis").asText()).put("reason", a.get("reason").asText())
                        .put("date", year + "-06-30"), id + ".basic.adj" + i++);
            }
            post(base + "/basic-expenditures", node().put("class", "PERSONNEL")
                    .put("amount", Api.wanToYuan(basic.path("spent").get("personnelWan").asText()))
                    .put("date", year + "-12-31"), id + ".basic.personnel");
            post(base + "/basic-expenditures", node().put("class", "PUBLIC")
                    .put("amount", Api.wanToYuan(basic.path("spent").get("publicWan").asText()))
                    .put("date", year + "-12-31"), id + ".basic.public");
        }
    }

    private void projects() {
        for (JsonNode p : root.path("projects")) {
            String id = p.get("id").asText();
            int fiscalYear = p.path("fiscalYear").canConvertToInt() ? p.get("fiscalYear").asInt() : year;
            String base = "/api/budget/districts/" + d + "/projects/" + id;
            Api.Answer registered = api.call("PUT", base, node().put("unitId", p.get("unit").asText())
                    .put("name", p.get("name").asText()).put("category", p.get("category").asText())
                    .put("fiscalYear", fiscalYear).toString());
            if (registered.status() != 201 && registered.status() != 200) {
                throw new AssertionError("project " + id + ": " + registered.body());
            }
            if (p.has("carryOverWan")) {
                post(base + "/carry-overs", node().put("amount", Api.wanToYuan(p.get("carryOverWan").asText()))
                        .put("fromYear", fiscalYear - 1).put("date", fiscalYear + "-01-01"), id + ".carry");
            }
            int i = 0;
            for (JsonNode a : p.path("appropriations")) {
                ObjectNode body = node().put("amount", Api.wanToYuan(a.get("amountWan").asText()))
                        .put("source", a.get("source").asText())
                        .put("date", a.path("date").asText(fiscalYear + "-01-01"));
                if (a.has("docNo")) {
                    body.put("docNo", a.get("docNo").asText());
                }
                post(base + "/appropriations", body, id + ".app" + i++);
            }
            i = 0;
            for (JsonNode a : p.path("adjustments")) {
                post(base + "/adjustments", node().put("amount", Api.wanToYuan(a.get("amountWan").asText()))
                        .put("basis", a.get("basis").asText()).put("reason", a.get("reason").asText())
                        .put("date", fiscalYear + "-06-30"), id + ".adj" + i++);
            }
            i = 0;
            for (JsonNode e : p.path("expenditures")) {
                post(base + "/expenditures", node().put("amount", Api.wanToYuan(e.get("amountWan").asText()))
                        .put("date", e.path("date").asText(fiscalYear + "-12-31")), id + ".exp" + i++);
            }
        }
    }

    private void threePublic() {
        String base = "/api/budget/districts/" + d + "/years/" + year + "/three-public";
        int i = 0;
        for (JsonNode t : root.path("threePublic")) {
            post(base + "/budgets", node().put("unitId", t.get("unit").asText())
                    .put("category", t.get("category").asText())
                    .put("amount", Api.wanToYuan(t.get("budgetWan").asText())), "3p.budget" + i);
            post(base + "/expenditures", node().put("unitId", t.get("unit").asText())
                    .put("category", t.get("category").asText())
                    .put("amount", Api.wanToYuan(t.get("spentWan").asText())).put("date", year + "-12-31"),
                    "3p.spent" + i++);
        }
    }

    private void transfers() {
        int i = 0;
        for (JsonNode t : root.path("transfers")) {
            post("/api/budget/districts/" + d + "/years/" + year + "/transfers", node()
                    .put("kind", t.get("kind").asText()).put("amount", Api.wanToYuan(t.get("amountWan").asText()))
                    .put("date", year + "-12-31"), "transfer" + i++);
        }
    }

    private void debt() {
        JsonNode debt = root.path("debt");
        if (debt.isMissingNode()) {
            return;
        }
        String base = "/api/budget/districts/" + d + "/years/" + year + "/debt";
        JsonNode opening = debt.path("openingBalance");
        post(base + "/opening-balances", node().put("type", "GENERAL")
                .put("amount", Api.wanToYuan(opening.get("generalWan").asText())), "debt.open.general");
        post(base + "/opening-balances", node().put("type", "SPECIAL")
                .put("amount", Api.wanToYuan(opening.get("specialWan").asText())), "debt.open.special");
        for (JsonNode b : debt.path("bonds")) {
            ObjectNode body = node().put("bondId", b.get("id").asText()).put("type", b.get("type").asText())
                    .put("kind", b.get("kind").asText()).put("amount", Api.wanToYuan(b.get("amountWan").asText()))
                    .put("purpose", b.get("purpose").asText()).put("date", year + "-06-30");
            body.set("termYears", b.get("termYears"));
            post(base + "/bonds", body, "debt.bond." + b.get("id").asText());
        }
        int i = 0;
        for (JsonNode r : debt.path("principalRepaid")) {
            post(base + "/principal-repayments", node().put("type", r.get("type").asText())
                    .put("amount", Api.wanToYuan(r.get("amountWan").asText())).put("date", year + "-06-30"),
                    "debt.principal" + i++);
        }
        i = 0;
        for (JsonNode r : debt.path("interestPaid")) {
            post(base + "/interest-payments", node().put("type", r.get("type").asText())
                    .put("amount", Api.wanToYuan(r.get("amountWan").asText())).put("date", year + "-12-31"),
                    "debt.interest" + i++);
        }
    }
}
