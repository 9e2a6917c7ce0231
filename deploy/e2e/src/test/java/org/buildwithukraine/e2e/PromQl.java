package org.buildwithukraine.e2e;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * The metric names a PromQL expression reads: every bare identifier that is not a function, an aggregation's or
 * a binary operator's keyword, or a label of a {@code by}/{@code without}/{@code on}/{@code ignoring}/
 * {@code group_left}/{@code group_right} list, plus the name a matcher {@code __name__="..."} gives. Label
 * matchers, strings, durations, numbers, range and subquery brackets and Grafana's {@code $variables} are
 * skipped. Small on purpose: it reads expressions Prometheus already accepts (the k8s module's tests run promtool
 * over the same ones), so it need not report syntax errors; a {@code __name__=~"regex"} matcher names no single
 * metric and is not followed.
 */
public final class PromQl {

    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "inf", "nan",
            "by", "without", "on", "ignoring", "group_left", "group_right", "atan2");
    private static final Set<String> AGGREGATIONS = Set.of("sum", "min", "max", "avg", "group", "stddev", "stdvar",
            "count", "count_values", "bottomk", "topk", "quantile", "limitk", "limit_ratio");
    private static final Set<String> LABEL_LISTS = Set.of("by", "without", "on", "ignoring", "group_left",
            "group_right");

    private final String text;
    private int at;

    private PromQl(String text) {
        this.text = text;
    }

    public static Set<String> metricNames(String expression) {
        return new PromQl(expression).names();
    }

    private Set<String> names() {
        Set<String> names = new LinkedHashSet<>();
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c == '"' || c == '\'' || c == '`') {
                skipString();
            } else if (c == '{') {
                matchers(names);
            } else if (c == '[') {
                skipPast(']');
            } else if (c == '$') {
                at++;
                skipWhile(PromQl::isVariableChar);
            } else if (Character.isDigit(c) || (c == '.' && at + 1 < text.length()
                    && Character.isDigit(text.charAt(at + 1)))) {
                number();
            } else if (isIdentifierStart(c)) {
                identifier(names);
            } else {
                at++;
            }
        }
        return names;
    }

    /**
     * A word: a function or an aggregation when a call follows (an aggregation may put its {@code by}/
     * {@code without} list before its parentheses), a keyword, a label list's keyword with the list it opens, or
     * else a metric name.
     */
    private void identifier(Set<String> names) {
        String word = word();
        // PromQL's keywords are case-insensitive; metric names are not
        String keyword = word.toLowerCase(Locale.ROOT);
        int after = at;
        skipWhile(Character::isWhitespace);
        boolean call = at < text.length() && text.charAt(at) == '(';
        if (LABEL_LISTS.contains(keyword) && call) {
            skipPast(')');
            return;
        }
        boolean grouped = AGGREGATIONS.contains(keyword)
                && (text.startsWith("by", at) || text.startsWith("without", at));
        if (!call && !grouped && !KEYWORDS.contains(keyword)) {
            names.add(word);
        }
        at = after;
    }

    /** The label matchers of a selector; only {@code __name__="x"} names a metric. */
    private void matchers(Set<String> names) {
        at++;
        while (at < text.length() && text.charAt(at) != '}') {
            char c = text.charAt(at);
            if (isIdentifierStart(c)) {
                String label = word();
                skipWhile(Character::isWhitespace);
                boolean equals = at + 1 < text.length() && text.charAt(at) == '=' && text.charAt(at + 1) != '~';
                skipWhile(ch -> ch == '=' || ch == '!' || ch == '~' || Character.isWhitespace(ch));
                if (at < text.length() && isQuote(text.charAt(at))) {
                    int start = at + 1;
                    skipString();
                    if (label.equals("__name__") && equals) {
                        names.add(text.substring(start, at - 1));
                    }
                }
            } else if (isQuote(c)) {
                skipString();
            } else {
                at++;
            }
        }
        at++;
    }

    /** A number (1, 0.99, 1e-3, 0x1f) or a duration (5m, 1h30m): digits, letters, dots, an exponent's sign. */
    private void number() {
        int start = at;
        boolean hex = text.startsWith("0x", start) || text.startsWith("0X", start);
        while (at < text.length()) {
            char c = text.charAt(at);
            boolean exponentSign = (c == '+' || c == '-') && !hex
                    && (text.charAt(at - 1) == 'e' || text.charAt(at - 1) == 'E');
            if (!(Character.isLetterOrDigit(c) || c == '.' || c == '_' || exponentSign)) {
                return;
            }
            at++;
        }
    }

    private String word() {
        int start = at;
        skipWhile(ch -> Character.isLetterOrDigit(ch) || ch == '_' || ch == ':');
        return text.substring(start, at);
    }

    private void skipString() {
        char quote = text.charAt(at++);
        while (at < text.length() && text.charAt(at) != quote) {
            at += text.charAt(at) == '\\' && quote != '`' ? 2 : 1;
        }
        at++;
    }

    /** Past the closing character, strings inside included (a label list, a range, a subquery). */
    private void skipPast(char closing) {
        while (at < text.length() && text.charAt(at) != closing) {
            if (isQuote(text.charAt(at))) {
                skipString();
            } else {
                at++;
            }
        }
        at++;
    }

    private void skipWhile(IntPredicate predicate) {
        while (at < text.length() && predicate.test(text.charAt(at))) {
            at++;
        }
    }

    private static boolean isIdentifierStart(int c) {
        return Character.isLetter(c) || c == '_' || c == ':';
    }

    private static boolean isVariableChar(int c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '{' || c == '}' || c == ':';
    }

    private static boolean isQuote(char c) {
        return c == '"' || c == '\'' || c == '`';
    }
}
