// The good units the lines the user may read built over the last RATE_DAYS days, as their status reports
// say: what a licence's run-out date is taken from.
import { RATE_DAYS } from './licence-run-out.js';

/**
 * @param api   the console's Api
 * @param keyOf line → the key its units count under (e.g. its technology)
 * @returns Map key → good units
 */
export async function recentGoodUnits(api, keyOf) {
    const from = new Date(Date.now() - RATE_DAYS * 86_400_000).toISOString();
    const lines = await api.get('/lines?size=100');
    const perLine = await Promise.all(lines.items.map(async line => {
        const reports = await api.get(`/lines/${encodeURIComponent(line.lineId)}/status-reports`
            + `?from=${encodeURIComponent(from)}&size=500`);
        return [keyOf(line), reports.items.reduce((sum, report) => sum + report.goodUnits, 0)];
    }));
    const byKey = new Map();
    perLine.forEach(([key, units]) => byKey.set(key, (byKey.get(key) ?? 0) + units));
    return byKey;
}
