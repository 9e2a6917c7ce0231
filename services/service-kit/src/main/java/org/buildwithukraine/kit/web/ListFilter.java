package org.buildwithukraine.kit.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.quarkus.hibernate.orm.panache.PanacheQuery;

/**
 * The conditions of a list query, built from a list endpoint's optional filters and the caller's visibility, for
 * {@link PageRequest#fetch(ListFilter, Finder)}. Field names come from code, never from a request; each value is
 * a named parameter of its own.
 *
 * <pre>
 * ListFilter filter = ListFilter.where().equal("status", status).equal("kind", kind);
 * return page.fetch(filter, (query, parameters) -&gt; Factory.find(query, Sort.by("id"), parameters));
 * </pre>
 */
public final class ListFilter {

    /** Runs the filter's query; a Panache entity's {@code find(query, sort, parameters)}. */
    @FunctionalInterface
    public interface Finder<T> {
        PanacheQuery<T> find(String query, Map<String, Object> parameters);
    }

    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> parameters = new HashMap<>();
    private boolean matchesNothing;

    private ListFilter() {
    }

    /** No condition yet: every row matches. */
    public static ListFilter where() {
        return new ListFilter();
    }

    /** {@code field = value}; no condition when the value is null (the client did not filter by it). */
    public ListFilter equal(String field, Object value) {
        return value == null ? this : condition(field, "=", value);
    }

    /** {@code field >= value}. */
    public ListFilter atLeast(String field, Object value) {
        return condition(field, ">=", value);
    }

    /** {@code field < value}. */
    public ListFilter before(String field, Object value) {
        return condition(field, "<", value);
    }

    /** {@code field in values}; nothing matches when there are none (a caller who may see no row at all). */
    public ListFilter in(String field, Set<?> values) {
        if (values.isEmpty()) {
            matchesNothing = true;
            return this;
        }
        return condition(field, "in", values);
    }

    /** Whether no row can match, so that no query need run. */
    public boolean matchesNothing() {
        return matchesNothing;
    }

    /** The conditions joined by {@code and}; empty for all rows (Panache then queries the whole entity). */
    public String query() {
        return String.join(" and ", conditions);
    }

    public Map<String, Object> parameters() {
        return Map.copyOf(parameters);
    }

    private ListFilter condition(String field, String operator, Object value) {
        String parameter = "p" + parameters.size();
        conditions.add(field + " " + operator + " :" + parameter);
        parameters.put(parameter, value);
        return this;
    }
}
