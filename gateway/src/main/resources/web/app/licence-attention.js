// Which of the network's licences need a technology officer now. Pure: dates are ISO calendar dates
// (yyyy-mm-dd) and compare as strings; the attention page fetches the licences and the output and shows them.
import { addDays, licenceRunOut } from './licence-run-out.js';

/** Less than this share of the cap left is near exhaustion. */
export const LOW_QUOTA_SHARE = 0.1;

/** A licence whose validity ends within this many days is expiring. */
export const EXPIRY_DAYS = 30;

/**
 * @param licence   a GRANTED licence as the API answers it ({ quantityCap, remainingQuota, validTo })
 * @param goodUnits good units its factory built of its technology over the last RATE_DAYS days
 * @param today     yyyy-mm-dd
 * @returns null when it is in no danger of running out, else { lowQuota: less than LOW_QUOTA_SHARE of the cap
 *          left, runsOutOn: the run-out date at that output when it falls before validTo, else null }
 */
export function nearExhaustion(licence, goodUnits, today) {
    const lowQuota = licence.remainingQuota < licence.quantityCap * LOW_QUOTA_SHARE;
    const { runsOutOn } = licenceRunOut(licence, goodUnits, today);
    const early = runsOutOn !== null && licence.validTo != null && runsOutOn < licence.validTo ? runsOutOn : null;
    return lowQuota || early ? { lowQuota, runsOutOn: early } : null;
}

/** Whether its validity ends within EXPIRY_DAYS of today (today itself included). */
export function expiresSoon({ validTo }, today) {
    return validTo != null && validTo >= today && validTo <= addDays(today, EXPIRY_DAYS);
}

/** The key under which a line's output counts for a licence: the same factory and technology. */
export function outputKey(factoryId, technologyCode) {
    return `${factoryId}\u0000${technologyCode}`;
}
