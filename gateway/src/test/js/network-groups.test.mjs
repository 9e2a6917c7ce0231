import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countBy, groupBy, lastReportPerRegion, valuesOf } from '../../main/resources/web/app/network-groups.js';

const factories = [
    { id: 'uk-bristol', country: 'GB', status: 'ACTIVE' },
    { id: 'de-munich', country: 'DE', status: 'ACTIVE' },
    { id: 'de-berlin', country: 'DE', status: 'SUSPENDED' },
];

test('groups by country in order, members by id, with their statuses counted', () => {
    assert.deepEqual(groupBy(factories, 'country', 'id', 'status').map(g => [g.key, g.items.map(f => f.id), g.counts]), [
        ['DE', ['de-berlin', 'de-munich'], { ACTIVE: 1, SUSPENDED: 1 }],
        ['GB', ['uk-bristol'], { ACTIVE: 1 }],
    ]);
});

test('counts and distinct values', () => {
    assert.deepEqual(countBy(factories, 'status'), { ACTIVE: 2, SUSPENDED: 1 });
    assert.deepEqual(valuesOf(factories, 'country'), ['DE', 'GB']);
    assert.deepEqual(groupBy([], 'country', 'id', 'status'), []);
});

test('the latest report of each region and its age; a region without any report has none', () => {
    const now = Date.parse('2026-12-01T12:00:00Z');
    const lines = [
        { lineId: 'DE-MUC-01', region: 'de', state: 'RUNNING', lastReportObservedAt: '2026-12-01T11:58:00Z' },
        { lineId: 'DE-MUC-02', region: 'de', state: 'DOWN', lastReportObservedAt: '2026-12-01T11:00:00Z' },
        { lineId: 'UK-BRS-01', region: 'uk', state: 'IDLE', lastReportObservedAt: null },
    ];
    assert.deepEqual(lastReportPerRegion(lines, now), [
        { region: 'de', lines: 2, lastReportAt: '2026-12-01T11:58:00.000Z', ageMillis: 120_000 },
        { region: 'uk', lines: 1, lastReportAt: null, ageMillis: null },
    ]);
});
