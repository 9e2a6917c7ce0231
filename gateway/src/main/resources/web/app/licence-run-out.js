// When a licence's remaining quota runs out at the factory's recent output. Pure: dates are ISO calendar
// dates (yyyy-mm-dd) and compare as strings; the licences page fetches the output and shows the answer.

const DAY_MILLIS = 86_400_000;

/** Days of output the rate is taken over. */
export const RATE_DAYS = 7;

/** A run-out this close to today deserves a warning even when the licence is valid for longer. */
export const WARNING_DAYS = 30;

export function addDays(isoDate, days) {
    return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * DAY_MILLIS).toISOString().slice(0, 10);
}

/**
 * @param licence   { remainingQuota, validTo } as the API answers them
 * @param goodUnits good units the factory built of the licence's technology over the last RATE_DAYS days
 * @param today     yyyy-mm-dd
 * @returns { runsOutOn: yyyy-mm-dd, or null when nothing is being produced; warning: whether runsOutOn falls
 *          before validTo or within WARNING_DAYS of today }
 */
export function licenceRunOut({ remainingQuota, validTo }, goodUnits, today) {
    if (remainingQuota == null || !(goodUnits > 0)) {
        return { runsOutOn: null, warning: false };
    }
    const unitsPerDay = goodUnits / RATE_DAYS;
    const runsOutOn = addDays(today, Math.floor(remainingQuota / unitsPerDay));
    const warning = (validTo != null && runsOutOn < validTo) || runsOutOn <= addDays(today, WARNING_DAYS);
    return { runsOutOn, warning };
}
