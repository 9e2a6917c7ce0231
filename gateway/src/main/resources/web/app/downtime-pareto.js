// Downtime by reason, ranked for a Pareto chart. Pure: no DOM, no API; the line page gives it the reports.

/**
 * How long each reason kept a line down, longest first, with each reason's cumulative share of all downtime.
 * A DOWN report stands until the next report observed after it (late reports included, in observation order);
 * the latest DOWN report stands until `now`.
 *
 * @param reports status reports as the API answers them ({ observedAt, state, reason }), in any order
 * @param now     the end of the latest report's interval
 * @returns [{ reason, seconds, cumulativeShare }] — cumulativeShare from 0 to 1
 */
export function downtimeByReason(reports, now = new Date()) {
    const observed = [...reports].sort((a, b) => Date.parse(a.observedAt) - Date.parse(b.observedAt));
    const secondsByReason = new Map();
    observed.forEach((report, index) => {
        if (report.state !== 'DOWN' || !report.reason) {
            return;
        }
        const end = index + 1 < observed.length ? Date.parse(observed[index + 1].observedAt) : now.getTime();
        const seconds = Math.max(0, (end - Date.parse(report.observedAt)) / 1000);
        secondsByReason.set(report.reason, (secondsByReason.get(report.reason) ?? 0) + seconds);
    });
    const ranked = [...secondsByReason]
        .map(([reason, seconds]) => ({ reason, seconds }))
        .sort((a, b) => b.seconds - a.seconds || a.reason.localeCompare(b.reason));
    const total = ranked.reduce((sum, entry) => sum + entry.seconds, 0);
    let cumulative = 0;
    return ranked.map(entry => {
        cumulative += entry.seconds;
        return { ...entry, cumulativeShare: total > 0 ? cumulative / total : 1 };
    });
}
