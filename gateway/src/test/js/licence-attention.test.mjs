import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expiresSoon, nearExhaustion } from '../../main/resources/web/app/licence-attention.js';

const TODAY = '2025-01-01';

test('less than 10 % of the cap left is near exhaustion, 10 % is not', () => {
    assert.deepEqual(nearExhaustion({ quantityCap: 1000, remainingQuota: 99, validTo: '2025-12-31' }, 0, TODAY),
        { lowQuota: true, runsOutOn: null });
    assert.equal(nearExhaustion({ quantityCap: 1000, remainingQuota: 100, validTo: '2025-12-31' }, 0, TODAY), null);
});

test('running out before validTo at the last 7 days of output is near exhaustion', () => {
    // 70 units in 7 days: 10 a day; 500 left: 50 days, before the end of the year
    assert.deepEqual(nearExhaustion({ quantityCap: 1000, remainingQuota: 500, validTo: '2025-12-31' }, 70, TODAY),
        { lowQuota: false, runsOutOn: '2025-02-20' });
});

test('lasting until validTo, or not being built, is no danger', () => {
    assert.equal(nearExhaustion({ quantityCap: 1000, remainingQuota: 500, validTo: '2025-02-20' }, 70, TODAY), null);
    assert.equal(nearExhaustion({ quantityCap: 1000, remainingQuota: 500, validTo: '2025-12-31' }, 0, TODAY), null);
});

test('both at once: little quota left and running out early', () => {
    assert.deepEqual(nearExhaustion({ quantityCap: 1000, remainingQuota: 50, validTo: '2025-12-31' }, 70, TODAY),
        { lowQuota: true, runsOutOn: '2025-01-06' });
});

test('a validity ending within 30 days is expiring, today and the 30th day included', () => {
    assert.equal(expiresSoon({ validTo: '2025-01-01' }, TODAY), true);
    assert.equal(expiresSoon({ validTo: '2025-01-31' }, TODAY), true);
    assert.equal(expiresSoon({ validTo: '2025-02-01' }, TODAY), false);
    assert.equal(expiresSoon({ validTo: '2024-12-31' }, TODAY), false);
});
