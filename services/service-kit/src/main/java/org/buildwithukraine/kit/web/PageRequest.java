package org.buildwithukraine.kit.web;

import java.util.ArrayList;
import java.util.List;

import org.buildwithukraine.kit.problem.Problem.FieldError;
import org.buildwithukraine.kit.problem.ProblemException;

import io.quarkus.hibernate.orm.panache.PanacheQuery;

/**
 * The slice of a list a client asks for. Its offset, {@code page × size}, is bounded by {@link #MAX_OFFSET}: the
 * offset stays far from {@code int} overflow, and no request makes the database skip millions of rows; a client
 * that needs more narrows its filter. Resources build one from their {@code page} and {@code size} parameters,
 * services read their list through {@link #fetch}, filtered with a {@link ListFilter}.
 */
public record PageRequest(int page, int size) {

    public static final int MAX_OFFSET = 10_000;

    /** @throws ProblemException 400 naming {@code page} or {@code size} when the slice is out of bounds */
    public PageRequest {
        List<FieldError> errors = new ArrayList<>();
        if (page < 0) {
            errors.add(new FieldError("page", "must be greater than or equal to 0"));
        }
        if (size < 1) {
            errors.add(new FieldError("size", "must be greater than or equal to 1"));
        }
        if (errors.isEmpty() && (long) page * size > MAX_OFFSET) {
            errors.add(new FieldError("page", "page × size must not exceed " + MAX_OFFSET
                    + "; narrow the filter to reach later items"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    /** Rows skipped before this page's first; never more than {@link #MAX_OFFSET}. */
    public int offset() {
        return page * size;
    }

    /** This page of the query's matches, with the count of all of them. */
    public <T> Page<T> fetch(PanacheQuery<T> query) {
        return new Page<>(query.range(offset(), offset() + size - 1).list(), page, size, query.count());
    }

    /** This page of the rows the filter lets through, with the count of all of them; no query when none can. */
    public <T> Page<T> fetch(ListFilter filter, ListFilter.Finder<T> finder) {
        return filter.matchesNothing() ? empty() : fetch(finder.find(filter.query(), filter.parameters()));
    }

    /** The answer when nothing can match, e.g. a caller who may see no row at all. */
    public <T> Page<T> empty() {
        return new Page<>(List.of(), page, size, 0);
    }
}
