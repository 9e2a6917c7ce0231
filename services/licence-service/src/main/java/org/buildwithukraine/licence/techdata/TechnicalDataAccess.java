package org.buildwithukraine.licence.techdata;

import static org.buildwithukraine.kit.security.Roles.MANUFACTURER;
import static org.buildwithukraine.kit.security.Roles.TECHNOLOGY_OFFICER;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.buildwithukraine.events.licence.LicenceActivity;
import org.buildwithukraine.events.licence.LicenceStatus;

/**
 * Who may list and read the technical data releases of one technology.
 * <ul>
 * <li>Technology officers see every release in every state.</li>
 * <li>A manufacturer sees a release only through a licence of a factory it acts for that is GRANTED, in date
 * today, permits PRODUCE and has quota left, and only a RELEASED one, or a SUPERSEDED one when such a licence
 * also allows earlier revisions. DRAFT and WITHDRAWN releases are out of a manufacturer's reach.</li>
 * <li>A manufacturer without any licence for the technology (its own factories', whatever the state) does not
 * learn that releases exist: 404. With one that does not hold (suspended, revoked, expired, exhausted,
 * requested, export only), 403 naming the licence and its state. A release it cannot reach although its
 * licence holds: a DRAFT is as good as absent (404); a WITHDRAWN one, or a SUPERSEDED one without a licence
 * that allows earlier revisions, which it may have seen while it was RELEASED, is refused with its state (403).
 * The listing shows what a read would allow.</li>
 * <li>Every other role (order desk, network admin, operator, a factory's MES) gets nothing: 403.</li>
 * <li>A download is a read of the release's contents: allowed as a read is, and for a manufacturer only once
 * they have acknowledged the release's export-control notice (409 until then, naming what to acknowledge).
 * Officers acknowledge nothing.</li>
 * </ul>
 */
public final class TechnicalDataAccess {

    private TechnicalDataAccess() {
    }

    /** Whether the requester may list the technology's releases; {@link #visible} then says which. */
    public static AccessDecision toListing(Requester requester, String technologyCode, List<HeldLicence> licences,
            LocalDate today) {
        if (requester.roles().contains(TECHNOLOGY_OFFICER)) {
            return new AccessDecision.Allowed(null);
        }
        if (!requester.roles().contains(MANUFACTURER)) {
            return new AccessDecision.Refused(403, "Technical data is for technology officers and licensed "
                    + "manufacturers only");
        }
        List<HeldLicence> own = licences.stream()
                .filter(licence -> requester.factories().contains(licence.factoryId()))
                .toList();
        if (own.isEmpty()) {
            return new AccessDecision.Refused(404, "No technical data of " + technologyCode
                    + " for the factories you act for");
        }
        Optional<HeldLicence> holding = holding(requester, licences, today).findFirst();
        if (holding.isPresent()) {
            return new AccessDecision.Allowed(holding.get().id());
        }
        HeldLicence nearest = own.stream().min(Comparator.comparing(HeldLicence::id)).orElseThrow();
        return new AccessDecision.Refused(403, "Licence " + nearest.id() + " for " + technologyCode + " does not "
                + "give access to its technical data: " + shortfall(nearest, today), nearest.id());
    }

    /** Whether the requester may read one release in the given state. */
    public static AccessDecision toRelease(Requester requester, String technologyCode, String revision,
            ReleaseState state, List<HeldLicence> licences, LocalDate today) {
        AccessDecision listing = toListing(requester, technologyCode, licences, today);
        if (listing instanceof AccessDecision.Refused || requester.roles().contains(TECHNOLOGY_OFFICER)) {
            return listing;
        }
        String licenceId = listing.licenceId();
        return switch (state) {
            case RELEASED -> listing;
            case DRAFT -> new AccessDecision.Refused(404, "No release " + revision + " of " + technologyCode,
                    licenceId);
            case SUPERSEDED -> allowingEarlierRevisions(requester, licences, today)
                    .<AccessDecision>map(licence -> new AccessDecision.Allowed(licence.id()))
                    .orElseGet(() -> new AccessDecision.Refused(403, "Release " + revision + " of "
                            + technologyCode + " is SUPERSEDED by a later revision; licence " + licenceId
                            + " covers the RELEASED one only, it does not allow earlier revisions", licenceId));
            case WITHDRAWN -> new AccessDecision.Refused(403, "Release " + revision + " of " + technologyCode
                    + " is WITHDRAWN", licenceId);
        };
    }

    /**
     * Whether the requester may download a file of one release in the given state, having acknowledged its
     * export-control notice or not.
     */
    public static AccessDecision toDownload(Requester requester, String technologyCode, String revision,
            ReleaseState state, String marking, boolean acknowledged, List<HeldLicence> licences, LocalDate today) {
        AccessDecision read = toRelease(requester, technologyCode, revision, state, licences, today);
        if (read instanceof AccessDecision.Refused || requester.roles().contains(TECHNOLOGY_OFFICER)
                || acknowledged) {
            return read;
        }
        return new AccessDecision.Refused(409, "Release " + revision + " of " + technologyCode + " is marked \""
                + marking + "\": acknowledge its export-control notice with POST /api/technologies/"
                + technologyCode + "/releases/" + revision + "/acknowledgement before downloading its files",
                read.licenceId());
    }

    /** Which releases a requester allowed to list ({@link #toListing}) sees: the ones it may read. */
    public static boolean visible(Requester requester, ReleaseState state, List<HeldLicence> licences,
            LocalDate today) {
        if (requester.roles().contains(TECHNOLOGY_OFFICER)) {
            return true;
        }
        return switch (state) {
            case RELEASED -> true;
            case SUPERSEDED -> allowingEarlierRevisions(requester, licences, today).isPresent();
            case DRAFT, WITHDRAWN -> false;
        };
    }

    /** The licences of the requester's factories that give access today, in id order. */
    private static Stream<HeldLicence> holding(Requester requester, List<HeldLicence> licences, LocalDate today) {
        return licences.stream()
                .filter(licence -> requester.factories().contains(licence.factoryId()))
                .filter(licence -> shortfall(licence, today) == null)
                .sorted(Comparator.comparing(HeldLicence::id));
    }

    private static Optional<HeldLicence> allowingEarlierRevisions(Requester requester, List<HeldLicence> licences,
            LocalDate today) {
        return holding(requester, licences, today).filter(HeldLicence::earlierRevisions).findFirst();
    }

    /** Why the licence gives no access today, or null if it does. */
    private static String shortfall(HeldLicence licence, LocalDate today) {
        if (licence.status() != LicenceStatus.GRANTED) {
            return "it is " + licence.status();
        }
        if (today.isBefore(licence.validFrom())) {
            return "it is GRANTED but valid only from " + licence.validFrom();
        }
        if (today.isAfter(licence.validTo())) {
            return "it is GRANTED but EXPIRED, its validity ended on " + licence.validTo();
        }
        if (licence.remainingQuota() <= 0) {
            return "it is GRANTED but EXHAUSTED, no quota left";
        }
        if (!licence.activities().contains(LicenceActivity.PRODUCE)) {
            return "it is GRANTED but does not permit PRODUCE";
        }
        return null;
    }
}
