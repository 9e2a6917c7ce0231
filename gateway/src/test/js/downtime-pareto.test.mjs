import assert from 'node:assert/strict';
import { test } from 'node:test';
import { downtimeByReason } from '../../main/resources/web/app/downtime-pareto.js';

const report = (observedAt, state, reason = null) => ({ observedAt: `2025-03-10T${observedAt}:00Z`, state, reason });

test('a DOWN report lasts until the next report observed, the latest until now; longest reason first', () => {
    const reports = [
        report('10:00', 'DOWN', 'BREAKDOWN'),
        report('09:00', 'RUNNING'),
        report('08:00', 'DOWN', 'POWER'),
        report('07:00', 'DOWN', 'BREAKDOWN'),
    ];
    assert.deepEqual(downtimeByReason(reports, new Date('2025-03-10T12:00:00Z')), [
        { reason: 'BREAKDOWN', seconds: 3 * 3600, cumulativeShare: 0.75 },
        { reason: 'POWER', seconds: 3600, cumulativeShare: 1 },
    ]);
});

test('no DOWN report: no reasons', () => {
    assert.deepEqual(downtimeByReason([report('07:00', 'RUNNING'), report('08:00', 'IDLE')]), []);
});

test('equal downtimes rank by reason, so the chart does not reorder between loads', () => {
    const reasons = downtimeByReason([report('07:00', 'DOWN', 'POWER'), report('08:00', 'DOWN', 'OTHER'),
        report('09:00', 'RUNNING')]);
    assert.deepEqual(reasons.map(entry => entry.reason), ['OTHER', 'POWER']);
});

test('a DOWN reported just now is listed with no time yet', () => {
    const now = new Date('2025-03-10T07:00:00Z');
    assert.deepEqual(downtimeByReason([report('07:00', 'DOWN', 'SECURITY')], now),
        [{ reason: 'SECURITY', seconds: 0, cumulativeShare: 1 }]);
});
