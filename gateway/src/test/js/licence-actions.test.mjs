import assert from 'node:assert/strict';
import { test } from 'node:test';
import { licenceActions, movesWork } from '../../main/resources/web/app/licence-actions.js';

test('a request is granted, amended or refused', () => {
    assert.deepEqual(licenceActions({ status: 'REQUESTED' }), ['grant', 'amend', 'revoke']);
});

test('a granted licence is amended, suspended or revoked', () => {
    assert.deepEqual(licenceActions({ status: 'GRANTED', suspendedFor: [] }), ['amend', 'suspend', 'revoke']);
});

test('an officer reinstates what an officer suspended, not what its factory\'s suspension suspended', () => {
    assert.deepEqual(licenceActions({ status: 'SUSPENDED', suspendedFor: ['OFFICER'] }), ['reinstate', 'amend', 'revoke']);
    assert.deepEqual(licenceActions({ status: 'SUSPENDED', suspendedFor: ['FACTORY'] }), ['amend', 'revoke']);
    assert.deepEqual(licenceActions({ status: 'SUSPENDED', suspendedFor: ['FACTORY', 'OFFICER'] }), ['amend', 'revoke']);
});

test('final licences offer nothing', () => {
    for (const status of ['REVOKED', 'EXPIRED', 'EXHAUSTED']) {
        assert.deepEqual(licenceActions({ status }), []);
    }
});

test('suspending and revoking move the open work, the others do not', () => {
    assert.deepEqual(['grant', 'amend', 'suspend', 'reinstate', 'revoke'].filter(movesWork), ['suspend', 'revoke']);
});
