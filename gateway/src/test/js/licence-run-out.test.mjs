import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addDays, licenceRunOut } from '../../main/resources/web/app/licence-run-out.js';

test('the quota runs out after remaining / (units of the last 7 days / 7) days', () => {
    // 70 units in 7 days: 10 a day; 7000 left: 700 days
    assert.deepEqual(licenceRunOut({ remainingQuota: 7000, validTo: '2026-06-30' }, 70, '2025-01-01'),
        { runsOutOn: '2026-12-02', warning: false });
});

test('a part of a day still to build counts as a day the quota lasts', () => {
    assert.equal(licenceRunOut({ remainingQuota: 25, validTo: null }, 70, '2025-01-01').runsOutOn, '2025-01-03');
});

test('nothing built: not at the current rate, and no warning', () => {
    assert.deepEqual(licenceRunOut({ remainingQuota: 10, validTo: '2025-01-02' }, 0, '2025-01-01'),
        { runsOutOn: null, warning: false });
});

test('a run-out before validTo is a warning', () => {
    assert.equal(licenceRunOut({ remainingQuota: 7000, validTo: '2027-01-01' }, 70, '2025-01-01').warning, true);
});

test('a run-out within 30 days is a warning even after validTo', () => {
    const soon = licenceRunOut({ remainingQuota: 300, validTo: '2025-01-15' }, 70, '2025-01-01');
    assert.deepEqual(soon, { runsOutOn: '2025-01-31', warning: true });
    assert.equal(licenceRunOut({ remainingQuota: 310, validTo: '2025-01-15' }, 70, '2025-01-01').warning, false);
});

test('an exhausted quota runs out today', () => {
    assert.deepEqual(licenceRunOut({ remainingQuota: 0, validTo: '2025-06-30' }, 7, '2025-01-01'),
        { runsOutOn: '2025-01-01', warning: true });
});

test('days are added across months, leap days and years', () => {
    assert.equal(addDays('2024-02-28', 1), '2024-02-29');
    assert.equal(addDays('2024-12-31', 1), '2025-01-01');
    assert.equal(addDays('2025-03-01', -1), '2025-02-28');
});
