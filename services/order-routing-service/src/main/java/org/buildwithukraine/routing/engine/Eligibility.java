package org.buildwithukraine.routing.engine;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.buildwithukraine.events.factory.FactoryKind;
import org.buildwithukraine.events.factory.FactoryStatus;
import org.buildwithukraine.events.licence.LicenceActivity;
import org.buildwithukraine.events.licence.LicenceStatus;

/**
 * Rule 1: a line may build an order when it builds the technology, is RUNNING or IDLE, its factory is ACTIVE and
 * the factory holds a GRANTED, in-date licence for the technology with quota left, which for an EXPORT order also
 * permits export to the destination.
 */
final class Eligibility {

    private final Network network;
    private final Instant now;
    private final LocalDate today;

    Eligibility(Network network, Instant now, LocalDate today) {
        this.network = network;
        this.now = now;
        this.today = today;
    }

    /**
     * Either the licences the line could build the order under (soonest-ending first) with why its factory's other
     * licences cannot serve, or why the line cannot build it at all.
     */
    record Verdict(List<Licence> usable, List<String> passedOver, String problem) {
        boolean eligible() {
            return problem == null;
        }

        static Verdict no(String problem) {
            return new Verdict(List.of(), List.of(), problem);
        }
    }

    Verdict of(Network.Site site, Order order) {
        Line line = site.line();
        String problem = lineOrFactoryProblem(line, site.factory());
        if (problem != null) {
            return Verdict.no(problem);
        }
        List<Licence> held = site.licences();
        if (held.isEmpty()) {
            return Verdict.no(Explanations.noLicence(line.factoryId(), order.technologyCode()));
        }
        if (held.size() == 1) {
            Licence only = held.get(0);
            return problemRank(only, order, true) == USABLE ? new Verdict(held, List.of(), null)
                    : Verdict.no(problem(only, order, true));
        }
        List<Licence> usable = new ArrayList<>();
        List<String> passedOver = new ArrayList<>();
        Licence closest = null;
        int closestRank = Integer.MAX_VALUE;
        for (Licence licence : held) {
            int rank = problemRank(licence, order, true);
            if (rank == USABLE) {
                usable.add(licence);
                continue;
            }
            passedOver.add(problem(licence, order, true));
            if (rank < closestRank || rank == closestRank && laterStatus(licence, closest)) {
                closest = licence;
                closestRank = rank;
            }
        }
        if (!usable.isEmpty()) {
            return new Verdict(usable, passedOver, null);
        }
        return Verdict.no(problem(closest, order, true));
    }

    /**
     * Why the engine cannot judge the order at all, or null: nothing to build, or an export without a destination
     * or an export centre. The order desk refuses such orders; the engine says so rather than fail on them.
     */
    String unjudgeable(Order order) {
        if (order.quantity() <= 0) {
            return Explanations.nothingToBuild(order);
        }
        if (order.isExport() && isBlank(order.destinationCountry())) {
            return Explanations.exportWithoutDestination();
        }
        if (order.isExport() && isBlank(order.exportCentreId())) {
            return Explanations.exportWithoutCentre();
        }
        return null;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /** Why an existing allocation may no longer stay on its line; quota is judged separately, over all of it. */
    String allocationProblem(Allocation allocation, Order order) {
        Line line = network.line(allocation.lineId());
        if (line == null) {
            return "line " + allocation.lineId() + " no longer known";
        }
        if (!line.technologyCode().equals(allocation.technologyCode())) {
            return "line now builds " + line.technologyCode();
        }
        String problem = lineOrFactoryProblem(line, network.factory(line.factoryId()));
        if (problem != null) {
            return problem;
        }
        Licence licence = network.licence(allocation.licenceId());
        if (licence == null) {
            return "licence " + allocation.licenceId() + " no longer known";
        }
        if (problemRank(licence, order, false) != USABLE) {
            return problem(licence, order, false);
        }
        return order.isExport() ? exportCentreProblem(order) : null;
    }

    /** Null if the order's export centre can ship now. */
    String exportCentreProblem(Order order) {
        Factory centre = network.factory(order.exportCentreId());
        if (centre == null || centre.kind() != FactoryKind.EXPORT_CENTRE || centre.status() != FactoryStatus.ACTIVE) {
            return Explanations.exportCentre(order.exportCentreId(), centre);
        }
        return null;
    }

    /**
     * Why a newly received order can never be built as asked, or null: no licence for its technology anywhere that
     * is granted or suspended (and may be reinstated) and still in date, or, for an export, none of those permits
     * export to its destination, or its export centre is not an export centre.
     */
    String rejection(Order order) {
        List<Licence> alive = new ArrayList<>();
        for (Licence licence : network.licencesFor(order.technologyCode())) {
            if ((licence.status() == LicenceStatus.GRANTED || licence.status() == LicenceStatus.SUSPENDED)
                    && !today.isAfter(licence.validTo()) && licence.activities().contains(LicenceActivity.PRODUCE)) {
                alive.add(licence);
            }
        }
        if (alive.isEmpty()) {
            return "no licence for " + order.technologyCode() + " anywhere in the network";
        }
        if (order.isExport()) {
            Factory centre = network.factory(order.exportCentreId());
            if (centre == null) {
                return "export centre " + order.exportCentreId() + " not known";
            }
            if (centre.kind() != FactoryKind.EXPORT_CENTRE) {
                return order.exportCentreId() + " is not an export centre";
            }
            boolean permitted = alive.stream().anyMatch(l -> l.activities().contains(LicenceActivity.EXPORT)
                    && l.exportTerritories().contains(order.destinationCountry()));
            if (!permitted) {
                return "no licence permits export of " + order.technologyCode() + " to " + order.destinationCountry();
            }
        }
        return null;
    }

    private String lineOrFactoryProblem(Line line, Factory factory) {
        if (!line.isProducing()) {
            return Explanations.lineState(line, now);
        }
        if (factory == null || factory.status() != FactoryStatus.ACTIVE) {
            return Explanations.factory(line.factoryId(), factory);
        }
        return null;
    }

    private static final int USABLE = 0;

    /**
     * 0 if usable; otherwise how far from usable, so that the explanation names the licence nearest to being
     * usable: a missing export permission is a smaller gap than an exhausted quota, which is smaller than a
     * suspension, and so on.
     */
    private int problemRank(Licence licence, Order order, boolean quotaCounts) {
        switch (licence.status()) {
            case GRANTED -> {
            }
            case SUSPENDED -> {
                return 5;
            }
            case REQUESTED -> {
                return 6;
            }
            default -> {
                return 7;
            }
        }
        if (today.isAfter(licence.validTo())) {
            return 7;
        }
        if (today.isBefore(licence.validFrom())) {
            return 4;
        }
        if (!licence.activities().contains(LicenceActivity.PRODUCE)) {
            return 3;
        }
        if (quotaCounts && licence.remainingQuota() <= 0) {
            return 2;
        }
        if (order.isExport() && !(licence.activities().contains(LicenceActivity.EXPORT)
                && licence.exportTerritories().contains(order.destinationCountry()))) {
            return 1;
        }
        return USABLE;
    }

    private String problem(Licence licence, Order order, boolean quotaCounts) {
        if (licence.status() != LicenceStatus.GRANTED) {
            return Explanations.licenceStatus(licence);
        }
        if (today.isAfter(licence.validTo())) {
            return Explanations.expiredOn(licence);
        }
        if (today.isBefore(licence.validFrom())) {
            return Explanations.notYetValid(licence);
        }
        if (!licence.activities().contains(LicenceActivity.PRODUCE)) {
            return Explanations.noProduction(licence);
        }
        if (quotaCounts && licence.remainingQuota() <= 0) {
            return Explanations.quotaUsedUp(licence);
        }
        return Explanations.noExportPermission(licence, order.destinationCountry());
    }

    private static final Comparator<Licence> LATEST_STATUS = Comparator.comparing(Licence::statusSince,
            Comparator.nullsFirst(Comparator.naturalOrder()));

    private static boolean laterStatus(Licence candidate, Licence current) {
        return current != null && LATEST_STATUS.compare(candidate, current) > 0;
    }
}
