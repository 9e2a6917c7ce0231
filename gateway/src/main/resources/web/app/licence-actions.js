// What an officer may do with a licence in its present state, as the licence service's lifecycle allows it
// (REQUESTED → GRANTED ⇄ SUSPENDED → REVOKED; REVOKED, EXPIRED and EXHAUSTED are final). Pure; the console
// offers these actions, the API still decides.

const FINAL = ['REVOKED', 'EXPIRED', 'EXHAUSTED'];

/** Actions that take a licence out of force must say why. */
export const NEEDS_REASON = ['suspend', 'revoke'];

/**
 * @param licence { status, suspendedFor } as the API answers them
 * @returns the officer's actions, in the order the page offers them
 */
export function licenceActions({ status, suspendedFor = [] }) {
    if (FINAL.includes(status)) {
        return [];
    }
    switch (status) {
        case 'REQUESTED':
            return ['grant', 'amend', 'revoke'];
        case 'GRANTED':
            return ['amend', 'suspend', 'revoke'];
        case 'SUSPENDED':
            // a licence suspended with its factory comes back with the factory, not at an officer's word
            return suspendedFor.includes('FACTORY') ? ['amend', 'revoke'] : ['reinstate', 'amend', 'revoke'];
        default:
            return [];
    }
}

/** Whether the action moves the licence's open work to other lines. */
export function movesWork(action) {
    return action === 'suspend' || action === 'revoke';
}
