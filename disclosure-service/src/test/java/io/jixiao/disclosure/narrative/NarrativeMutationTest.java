package io.jixiao.disclosure.narrative;

import static org.assertj.core.api.Assertions.assertThat;

import io.jixiao.disclosure.narrative.NarrativeSeeds.Seed;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Single mutations of the 荷塘区 and 芦淞区 texts, made by a seeded generator that finds its sites with its own
 * patterns (not the parser's): a digit changed, a money unit changed, a direction word flipped, a percentage
 * altered, a part of a 其中 breakdown changed so the sum breaks. A mutation is detected when the mutated text has a
 * CONTRADICTED or INCONSISTENT claim the unmutated text does not have. At least 95% must be.
 */
class NarrativeMutationTest {
    private static final long SEED = 20_261_205L;
    private static final int PER_TEXT = 300;
    private static final Pattern FIGURE = Pattern.compile(
            "(?<![\\d.\\[〔【第])(\\d+(?:,\\d{3})*(?:\\.\\d+)?)\\s?(亿元|万元|元|%|个|人|家|项|次)(?!月)");
    private static final Pattern DIRECTION = Pattern.compile("(增加|减少|增长|下降|上升|节约|超支|持平)(?=\\d)");
    private static final Map<String, List<String>> FLIPS = Map.of(
            "增加", List.of("减少", "持平"), "减少", List.of("增加", "持平"), "增长", List.of("下降"),
            "下降", List.of("增长", "上升"), "上升", List.of("下降"), "节约", List.of("超支", "增加", "持平"),
            "超支", List.of("节约"), "持平", List.of("增加", "减少"));

    record Mutation(String kind, int start, int end, String replacement, String before) {
        String apply(String text) {
            return text.substring(0, start) + replacement + text.substring(end);
        }

        @Override
        public String toString() {
            return kind + " @" + start + " " + before + "→" + replacement;
        }
    }

    /** Every single mutation the generator can make of a text, in text order. */
    static List<Mutation> candidates(String text) {
        List<Mutation> all = new ArrayList<>();
        Matcher m = FIGURE.matcher(text);
        while (m.find()) {
            String number = m.group(1);
            String unit = m.group(2);
            int at = m.start(1);
            for (int i = 0; i < number.length(); i++) {
                char c = number.charAt(i);
                if (!Character.isDigit(c)) {
                    continue;
                }
                for (char d = '0'; d <= '9'; d++) {
                    if (d == c || i == 0 && d == '0' && number.length() > 1) {
                        continue;
                    }
                    all.add(new Mutation("digit", at + i, at + i + 1, Character.toString(d), Character.toString(c)));
                }
            }
            boolean zero = number.replaceAll("[0.,]", "").isEmpty();
            if (!zero && (unit.equals("万元") || unit.equals("元") || unit.equals("亿元"))) {
                for (String other : List.of("元", "万元", "亿元")) {
                    if (!other.equals(unit)) {
                        all.add(new Mutation("unit", m.start(2), m.end(2), other, unit));
                    }
                }
            }
            if (unit.equals("%")) {
                java.math.BigDecimal v = new java.math.BigDecimal(number.replace(",", ""));
                for (String delta : List.of("-10", "-5", "-1", "-0.5", "0.5", "1", "5", "10")) {
                    java.math.BigDecimal altered = v.add(new java.math.BigDecimal(delta));
                    if (altered.signum() >= 0) {
                        all.add(new Mutation("percent", at, m.end(1), altered.stripTrailingZeros().toPlainString(),
                                number));
                    }
                }
            }
        }
        Matcher d = DIRECTION.matcher(text);
        while (d.find()) {
            for (String flip : FLIPS.get(d.group(1))) {
                all.add(new Mutation("direction", d.start(1), d.end(1), flip, d.group(1)));
            }
        }
        // parts of a 其中 breakdown: each figure after 其中 up to the sentence's end, changed by 1 to 9 units of its
        // last written digit, so the parts no longer add up to the total
        for (int w = text.indexOf("其中"); w >= 0; w = text.indexOf("其中", w + 2)) {
            int end = w;
            while (end < text.length() && "。\n".indexOf(text.charAt(end)) < 0) {
                end++;
            }
            Matcher p = FIGURE.matcher(text.substring(w, end));
            while (p.find()) {
                if (!p.group(2).endsWith("元")) {
                    continue;
                }
                String number = p.group(1).replace(",", "");
                java.math.BigDecimal v = new java.math.BigDecimal(number);
                java.math.BigDecimal step = java.math.BigDecimal.ONE.movePointLeft(Math.max(0, v.scale()));
                for (int k = 1; k <= 9; k++) {
                    java.math.BigDecimal altered = v.add(step.multiply(java.math.BigDecimal.valueOf(k)));
                    all.add(new Mutation("part", w + p.start(1), w + p.end(1), altered.toPlainString(), p.group(1)));
                }
            }
        }
        return all;
    }

    private static Set<String> findingKeys(NarrativeResult result) {
        Set<String> keys = new HashSet<>();
        for (NarrativeResult.Claim c : result.findings()) {
            keys.add(c.verdict() + "|" + c.text() + "|" + c.reason());
        }
        return keys;
    }

    @Test
    void atLeast95PercentOfFiveHundredSingleMutationsAreDetected() {
        Random random = new Random(SEED);
        int made = 0;
        int detected = 0;
        Map<String, int[]> byKind = new LinkedHashMap<>();
        List<String> missed = new ArrayList<>();
        for (Seed seed : List.of(Seed.HETANG, Seed.LUSONG)) {
            String text = seed.text();
            NarrativeRecords records = seed.records();
            NarrativeResult unmutated = NarrativeChecker.check(text, records);
            Set<String> baseline = findingKeys(unmutated);
            if (seed == Seed.HETANG) {
                assertThat(baseline).as("the unmutated 荷塘区 text").isEmpty();
            } else {
                assertThat(baseline).as("the unmutated 芦淞区 text: the three findings NarrativeSeedCheckTest pins")
                        .hasSize(3);
            }
            List<Mutation> pool = candidates(text);
            // every direction flip, a seeded sample of up to 60 of each other kind, then digits up to 300 a text
            List<Mutation> chosen = new ArrayList<>();
            for (String kind : List.of("direction", "percent", "part", "unit", "digit")) {
                List<Mutation> ofKind = new ArrayList<>(pool.stream().filter(x -> x.kind().equals(kind)).toList());
                Collections.shuffle(ofKind, random);
                int quota = kind.equals("direction") ? ofKind.size() : kind.equals("digit")
                        ? PER_TEXT - chosen.size() : 60;
                chosen.addAll(ofKind.subList(0, Math.min(ofKind.size(), quota)));
            }
            for (Mutation mutation : chosen) {
                NarrativeResult result = NarrativeChecker.check(mutation.apply(text), records);
                Set<String> found = findingKeys(result);
                found.removeAll(baseline);
                boolean hit = !found.isEmpty();
                made++;
                int[] k = byKind.computeIfAbsent(mutation.kind(), x -> new int[2]);
                k[0]++;
                if (hit) {
                    detected++;
                    k[1]++;
                } else {
                    missed.add(seed + " " + mutation + " in «" + context(text, mutation) + "»");
                }
            }
        }
        double rate = 100.0 * detected / made;
        System.out.printf("narrative mutation test (seed %d): %d mutations, %d detected, rate %.2f%%%n", SEED, made,
                detected, rate);
        byKind.forEach((kind, k) -> System.out.printf("  %-9s %4d made, %4d detected%n", kind, k[0], k[1]));
        missed.forEach(x -> System.out.println("  missed: " + x));
        assertThat(made).isGreaterThanOrEqualTo(500);
        assertThat(byKind.keySet()).contains("digit", "unit", "direction", "percent", "part");
        assertThat(rate).isGreaterThanOrEqualTo(95.0);
    }

    private static String context(String text, Mutation m) {
        return text.substring(Math.max(0, m.start() - 12), Math.min(text.length(), m.end() + 6)).replace('\n', ' ')
                .replace('\t', ' ');
    }
}
