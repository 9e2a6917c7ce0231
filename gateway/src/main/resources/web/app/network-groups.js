// How the network administrator and the operator look at lists the API gives: grouped, counted and ordered.
// Presentation only: no figure here that the API's items do not carry.

/** Counts of each value of key among items, as { value: count }. */
export function countBy(items, key) {
    const counts = {};
    for (const item of items) {
        counts[item[key]] = (counts[item[key]] ?? 0) + 1;
    }
    return counts;
}

/**
 * Items grouped by the value of key, groups in that value's order, items in each group by id; each group with
 * the counts of its items' values of countKey.
 */
export function groupBy(items, key, idKey, countKey) {
    const groups = new Map();
    for (const item of items) {
        if (!groups.has(item[key])) {
            groups.set(item[key], []);
        }
        groups.get(item[key]).push(item);
    }
    return [...groups.entries()]
        .sort(([a], [b]) => String(a).localeCompare(String(b)))
        .map(([value, members]) => ({
            key: value,
            items: members.sort((a, b) => String(a[idKey]).localeCompare(String(b[idKey]))),
            counts: countBy(members, countKey),
        }));
}

/** The distinct values of key among items, in order. */
export function valuesOf(items, key) {
    return [...new Set(items.map(item => item[key]))].sort((a, b) => String(a).localeCompare(String(b)));
}

/**
 * Per region, the latest status report of any of its lines (lastReportObservedAt) and how long ago it was at now
 * (milliseconds; null when no line of the region has reported yet).
 */
export function lastReportPerRegion(lines, now) {
    return groupBy(lines, 'region', 'lineId', 'state').map(group => {
        const reported = group.items.map(line => line.lastReportObservedAt).filter(Boolean)
            .map(instant => Date.parse(instant));
        const latest = reported.length === 0 ? null : Math.max(...reported);
        return {
            region: group.key,
            lines: group.items.length,
            lastReportAt: latest === null ? null : new Date(latest).toISOString(),
            ageMillis: latest === null ? null : Math.max(0, now - latest),
        };
    });
}
