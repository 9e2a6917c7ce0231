// Licence terms as the officer types them, turned into what the licence API takes. Pure: the grant form and the
// amend dialog read their fields with text(name) (trimmed, null when empty) and send the answer as it is; the
// API validates it and names the fields it refuses.

/** "LV, lt ee" → ["EE", "LT", "LV"]: sorted as the API lists them, so that an unchanged list is seen as unchanged. */
export function territoryList(typed) {
    return (typed ?? '').split(/[\s,;]+/).filter(Boolean).map(code => code.toUpperCase()).sort();
}

/** A whole number as typed becomes a number; anything else is sent as typed so that the API names the field. */
export function typedNumber(typed) {
    return typed !== null && /^\d+$/.test(typed) ? Number(typed) : typed;
}

/**
 * The body of an amendment: the fields the officer changed, and the reason; what was left as it was is left out.
 *
 * @param licence the licence as the API answered it
 * @param text    name → the field as typed, trimmed, null when empty
 * @param earlierRevisions whether the box is ticked
 */
export function amendment(licence, text, earlierRevisions) {
    const change = { reason: text('reason') };
    if (text('quantityCap') !== String(licence.quantityCap)) {
        change.quantityCap = typedNumber(text('quantityCap'));
    }
    for (const date of ['validFrom', 'validTo']) {
        if (text(date) !== licence[date]) {
            change[date] = text(date);
        }
    }
    const territories = territoryList(text('exportTerritories'));
    if (territories.join(',') !== [...licence.exportTerritories].sort().join(',')) {
        change.exportTerritories = territories;
    }
    if (earlierRevisions !== licence.earlierRevisions) {
        change.earlierRevisions = earlierRevisions;
    }
    if ((text('provisos') ?? '') !== (licence.provisos ?? '')) {
        // an empty text removes them
        change.provisos = text('provisos') ?? '';
    }
    return change;
}

/** The body of a direct grant. */
export function newLicence(text, activities, earlierRevisions) {
    return {
        factoryId: text('factoryId'),
        technologyCode: text('technologyCode'),
        activities,
        quantityCap: typedNumber(text('quantityCap')),
        validFrom: text('validFrom'),
        validTo: text('validTo'),
        exportTerritories: territoryList(text('exportTerritories')),
        earlierRevisions,
        provisos: text('provisos'),
        reason: text('reason'),
    };
}
