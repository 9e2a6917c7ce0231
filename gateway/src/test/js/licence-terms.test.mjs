import assert from 'node:assert/strict';
import { test } from 'node:test';
import { amendment, newLicence, territoryList, typedNumber } from '../../main/resources/web/app/licence-terms.js';

const LICENCE = { quantityCap: 1000, validFrom: '2025-01-01', validTo: '2025-12-31', exportTerritories: ['LT', 'LV'],
    earlierRevisions: false, provisos: null };

const typed = fields => name => fields[name] ?? null;

test('territories are typed in any case and separated by commas or spaces', () => {
    assert.deepEqual(territoryList('lv, LT;ee  pl'), ['EE', 'LT', 'LV', 'PL']);
    assert.deepEqual(territoryList(null), []);
});

test('a whole number is sent as a number, anything else as typed for the API to name', () => {
    assert.equal(typedNumber('12'), 12);
    assert.equal(typedNumber('1e3'), '1e3');
    assert.equal(typedNumber(null), null);
});

test('an amendment carries the reason and only what changed', () => {
    const unchanged = typed({ quantityCap: '1000', validFrom: '2025-01-01', validTo: '2025-12-31',
        exportTerritories: 'lv, lt', reason: 'review' });
    assert.deepEqual(amendment(LICENCE, unchanged, false), { reason: 'review' });

    const changed = typed({ quantityCap: '800', validFrom: '2025-01-01', validTo: '2025-06-30',
        exportTerritories: 'LV', provisos: 'no resale', reason: 'cut' });
    assert.deepEqual(amendment(LICENCE, changed, true), { reason: 'cut', quantityCap: 800, validTo: '2025-06-30',
        exportTerritories: ['LV'], earlierRevisions: true, provisos: 'no resale' });
});

test('emptying the provisos removes them; an emptied cap is sent for the API to refuse', () => {
    const licence = { ...LICENCE, provisos: 'no resale' };
    assert.deepEqual(amendment(licence, typed({ validFrom: '2025-01-01', validTo: '2025-12-31',
        exportTerritories: 'LT LV', reason: 'r' }), false), { reason: 'r', quantityCap: null, provisos: '' });
});

test('a direct grant sends every field, empty ones as null', () => {
    assert.deepEqual(newLicence(typed({ factoryId: 'de-munich', technologyCode: 'UA-FPV-7', quantityCap: 'many',
        validFrom: '2025-01-01', exportTerritories: 'lv' }), ['PRODUCE'], false), {
        factoryId: 'de-munich', technologyCode: 'UA-FPV-7', activities: ['PRODUCE'], quantityCap: 'many',
        validFrom: '2025-01-01', validTo: null, exportTerritories: ['LV'], earlierRevisions: false, provisos: null,
        reason: null,
    });
});
