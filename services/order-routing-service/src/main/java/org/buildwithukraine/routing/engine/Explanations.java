package org.buildwithukraine.routing.engine;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import org.buildwithukraine.events.factory.FactoryStatus;
import org.buildwithukraine.events.licence.LicenceActivity;
import org.buildwithukraine.events.line.DowntimeReason;

/** The words of routing decisions: short, concrete, and in the terms an export-control officer uses. */
final class Explanations {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private Explanations() {
    }

    static String lineState(Line line, Instant now) {
        String since = line.stateSince() == null ? "" : " since " + since(line.stateSince(), now);
        return switch (line.state()) {
            case DOWN -> "line DOWN" + since + downtime(line.downtimeReason());
            case MAINTENANCE -> "line in MAINTENANCE" + since;
            case RETOOLING -> "line RETOOLING" + since;
            case RUNNING, IDLE -> "line " + line.state();
        };
    }

    static String factory(String factoryId, Factory factory) {
        if (factory == null) {
            return "factory " + factoryId + " not known to the router yet";
        }
        if (factory.status() == FactoryStatus.ONBOARDING) {
            return "factory " + factory.id() + " still ONBOARDING, not yet active";
        }
        return "factory " + factory.id() + " " + factory.status().name().toLowerCase(Locale.ROOT)
                + dated(factory.statusSince()) + reason(factory.statusReason());
    }

    static String exportCentre(String centreId, Factory centre) {
        if (centre == null) {
            return "export centre " + centreId + " not known to the router";
        }
        return "export centre " + centre.id() + " " + centre.status().name().toLowerCase(Locale.ROOT)
                + dated(centre.statusSince()) + reason(centre.statusReason());
    }

    /** With its id: a factory often holds an expiring licence and its successor for one technology at once. */
    static String name(Licence licence) {
        return "licence " + licence.id() + " (" + licence.technologyCode() + " for " + licence.factoryId() + ")";
    }

    static String noLicence(String factoryId, String technologyCode) {
        return factoryId + " holds no licence for " + technologyCode;
    }

    static String licenceStatus(Licence licence) {
        return switch (licence.status()) {
            case REQUESTED -> name(licence) + " requested, not granted";
            case EXHAUSTED -> name(licence) + " exhausted" + dated(licence.statusSince()) + ": all "
                    + licence.quantityCap() + " units used";
            default -> name(licence) + " " + licence.status().name().toLowerCase(Locale.ROOT)
                    + dated(licence.statusSince()) + reason(licence.statusReason());
        };
    }

    static String notYetValid(Licence licence) {
        return name(licence) + " not valid before " + licence.validFrom();
    }

    static String expiredOn(Licence licence) {
        return name(licence) + " expired " + licence.validTo();
    }

    static String noProduction(Licence licence) {
        return name(licence) + " does not permit production";
    }

    static String quotaUsedUp(Licence licence) {
        return name(licence) + " has no quota left (" + licence.unitsConsumed() + " of " + licence.quantityCap()
                + " units used)";
    }

    static String noExportPermission(Licence licence, String destination) {
        if (!licence.activities().contains(LicenceActivity.EXPORT)) {
            return "no export permission for " + destination + ": " + name(licence) + " does not permit export";
        }
        return "no export permission for " + destination + ": " + name(licence) + " allows "
                + (licence.exportTerritories().isEmpty() ? "no territory"
                        : String.join(", ", new TreeSet<>(licence.exportTerritories())));
    }

    // ---- orders the engine cannot judge ----

    static String nothingToBuild(Order order) {
        return "nothing to build: quantity " + order.quantity() + ", at least 1 unit needed";
    }

    static String exportWithoutDestination() {
        return "an export needs a destination country, none given";
    }

    static String exportWithoutCentre() {
        return "an export needs an export centre to leave through, none given";
    }

    static String notJudged(String reason) {
        return "not judged: " + reason;
    }

    static String rejectedAnyway(String rejection) {
        return "eligible, but the order is rejected: " + rejection;
    }

    // ---- why a line cannot take the order now ----

    static String noFreeCapacity(int horizonDays, long committed) {
        return "no free capacity within the " + horizonDays + "-day horizon: " + committed
                + " units committed to orders of equal or higher priority";
    }

    static String endsBeforeTheLineGetsToIt(Licence licence) {
        return name(licence) + " ends " + licence.validTo() + ", before the line could build more of this order";
    }

    static String noUnallocatedQuota(Licence licence) {
        return name(licence) + " has no unallocated quota left: its " + licence.remainingQuota()
                + " remaining units are allocated to orders of equal or higher priority";
    }

    static String noLineYet(String technologyCode) {
        return "no line builds " + technologyCode + " yet";
    }

    static String onlySurplusForExports(String technologyCode) {
        return "higher-priority orders for " + technologyCode + " still wait, exports take only surplus capacity";
    }

    static String noLineNow() {
        return "no line can take it now";
    }

    static String noMoreCapacityOrQuota() {
        return "no more capacity or quota on eligible lines";
    }

    // ---- the plan ----

    static String choice(Planner.Plan plan, Order order) {
        return switch (plan.choice()) {
            case SOONEST_ON_TIME -> "finishes soonest, before needed-by " + order.neededBy();
            case SOONEST_LATE -> "finishes soonest possible, after needed-by " + order.neededBy();
            case SPLIT_ON_TIME -> "split across " + linesUsed(plan) + " lines: no single line finishes by needed-by "
                    + order.neededBy() + "; together they do";
            case SPLIT_LATE -> "split across " + linesUsed(plan) + " lines: no single line finishes by needed-by "
                    + order.neededBy() + "; together they finish soonest, after needed-by";
            case TAKES_ALL_IT_CAN -> "takes all it can now; " + (plan.wanted() - plan.placed())
                    + " units wait for capacity";
        };
    }

    private static long linesUsed(Planner.Plan plan) {
        return Arrays.stream(plan.amounts()).filter(a -> a > 0).count();
    }

    /** Why an eligible line the plan did not use was not needed. */
    static String notNeeded(Planner.Plan plan, int option, List<Planner.LineOption> options, Instant now) {
        Planner.LineOption other = options.get(option);
        return switch (plan.passedOver()[option]) {
            case FINISHES_LATER -> {
                Planner.LineOption chosen = options.get(plan.single());
                yield "eligible, not needed: " + chosen.line().id() + " finishes sooner ("
                        + at(now.plusSeconds(plan.finish())) + " against "
                        + at(now.plusSeconds(other.finishSeconds(plan.wanted()))) + ")";
            }
            case TOO_SMALL -> "eligible, not needed: it can take only " + plan.alone()[option] + " units; "
                    + options.get(plan.single()).line().id() + " takes all " + plan.wanted();
            case QUOTA_TAKEN -> "eligible, not needed: the chosen lines use all unallocated quota of "
                    + names(other.licences());
            case STARTS_AFTER -> "eligible, not needed: it could start only "
                    + at(now.plusSeconds(other.startSeconds())) + ", when the chosen lines are done ("
                    + at(now.plusSeconds(plan.finish())) + ")";
            case OTHERS_SOONER -> "eligible, not needed: the chosen lines finish sooner";
        };
    }

    private static String names(List<Licence> licences) {
        return String.join(" and ", licences.stream().map(Explanations::name).toList());
    }

    /**
     * Which licences a chosen line draws on and why, and why its factory's other licences were passed over; empty
     * when the factory holds just the one licence it draws on.
     *
     * @param excluded why the licences that could not serve were passed over, one sentence each
     */
    static String licencesDrawnOn(Planner.LineOption option, List<Planner.Part> parts, List<String> excluded) {
        if (option.licences().size() == 1 && excluded.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        Planner.Part previous = null;
        for (Planner.Part part : parts) {
            Licence licence = option.licences().get(part.licence());
            if (part.amount() > 0) {
                if (previous == null) {
                    text.append("; draws on ").append(name(licence)).append(" for ").append(part.amount())
                            .append(" units, ").append(option.licences().size() > 1 ? "the one ending soonest ("
                                    + licence.validTo() + ")" : "ending " + licence.validTo());
                } else {
                    text.append("; then on ").append(name(licence)).append(" for ").append(part.amount())
                            .append(" units, ending ").append(licence.validTo()).append(": ")
                            .append(whyNext(option.licences().get(previous.licence()), previous.stop()));
                }
                previous = part;
            } else {
                text.append("; ").append(name(licence)).append(" not drawn on: ").append(whyUnused(licence,
                        part.stop()));
            }
        }
        for (String reason : excluded) {
            text.append("; passed over ").append(reason);
        }
        return text.toString();
    }

    private static String whyNext(Licence previous, Planner.Stop stop) {
        return switch (stop) {
            case ENDS -> name(previous) + " ends " + previous.validTo() + ", before the line could build more";
            case QUOTA -> name(previous) + " has no more quota for it";
            case ENOUGH, ROOM, TIME -> "it takes the rest";
        };
    }

    private static String whyUnused(Licence licence, Planner.Stop stop) {
        return switch (stop) {
            case ENOUGH, TIME -> "the licences ending sooner cover this line's share";
            case ROOM -> "the line has no more room within the horizon";
            case ENDS -> "it ends " + licence.validTo() + ", before the line gets to it";
            case QUOTA -> "its quota is allocated to orders of equal or higher priority";
        };
    }

    static String chosen(long quantity, Instant start, Instant finish, String note) {
        return "chosen for " + quantity + " units, " + at(start) + " to " + at(finish) + "; " + note;
    }

    // ---- work taken off its line ----

    static String displacedByHigherClass(Order by, String why) {
        return "displaced by higher-priority " + by.customerClass() + " work: " + why;
    }

    static String madeWayFor(Order earlier, Allocation later) {
        return "made way for " + earlier.id() + ", also " + earlier.customerClass() + " and needed by "
                + earlier.neededBy() + " (this order by " + later.neededBy()
                + "), which could not meet its date otherwise: between equal priorities the earlier needed-by"
                + " date goes first; not started yet, so routed again";
    }

    static String noRoomOnLine(Line line, int horizonDays) {
        return "line " + line.id() + " has no room left within the " + horizonDays + "-day horizon";
    }

    static String noQuotaLeftFor(Licence licence) {
        return name(licence) + " has no quota left for it";
    }

    static String capacityNow(Line line, int horizonDays) {
        return "line capacity now " + line.capacityPerDay() + " units/day: no room left within the " + horizonDays
                + "-day horizon";
    }

    static String quotaNow(Licence licence) {
        return name(licence) + " has only " + licence.remainingQuota()
                + " units of quota left for the work placed under it";
    }

    static String runsPastLicenceEnd(QueueScheduler.Overrun overrun) {
        return name(overrun.licence()) + " ends " + overrun.licence().validTo() + ": this work would finish "
                + at(overrun.finish()) + ", after its last day; routed again";
    }

    static String pushedPastLicenceEnd(QueueScheduler.Overrun overrun, Order by) {
        return "pushed back by higher-ranked work of " + by.id() + ": it would finish " + at(overrun.finish())
                + ", after " + name(overrun.licence()) + " ends " + overrun.licence().validTo() + "; routed again";
    }

    // ---- the summary ----

    static String rejected(String rejection) {
        return "rejected: " + rejection;
    }

    static String routed(Order order, long placed, List<Allocation> mine, Instant lastFinish) {
        return "routed: " + placedText(order, placed, mine, lastFinish);
    }

    static String partiallyRouted(Order order, long placed, List<Allocation> mine, Instant lastFinish, long left,
            String waiting) {
        return (mine.isEmpty() ? "partially routed" : "partially routed: " + placedText(order, placed, mine,
                lastFinish)) + "; " + left + " units wait: " + (waiting == null ? "waiting for capacity" : waiting);
    }

    static String queued(String waiting) {
        return "queued: " + (waiting == null ? "waiting for capacity" : waiting);
    }

    private static String placedText(Order order, long placed, List<Allocation> mine, Instant lastFinish) {
        List<String> lineIds = mine.stream().map(Allocation::lineId).distinct().toList();
        Instant deadline = order.neededBy().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return placed + " units on " + String.join(", ", lineIds) + ", finishing " + at(lastFinish)
                + (lastFinish.isAfter(deadline) ? ", after" : ", before") + " needed-by " + order.neededBy();
    }

    static String day(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC).toLocalDate().toString();
    }

    /**
     * "2026-11-20 10:42 UTC". Written out by hand: a decision explains every line of its technology, and a
     * formatter costs several times more per call than the rest of judging a line.
     */
    static String at(Instant instant) {
        LocalDateTime time = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        StringBuilder text = new StringBuilder(20).append(time.getYear()).append('-');
        twoDigits(text, time.getMonthValue()).append('-');
        twoDigits(text, time.getDayOfMonth()).append(' ');
        twoDigits(text, time.getHour()).append(':');
        return twoDigits(text, time.getMinute()).append(" UTC").toString();
    }

    private static StringBuilder twoDigits(StringBuilder text, int value) {
        return text.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    static String day(LocalDate date) {
        return date.toString();
    }

    /** The time alone when it was today, so that a line that broke down this morning reads "since 10:42 UTC". */
    static String since(Instant instant, Instant now) {
        boolean today = instant.atOffset(ZoneOffset.UTC).toLocalDate()
                .equals(now.atOffset(ZoneOffset.UTC).toLocalDate());
        return today ? TIME.format(instant) : at(instant);
    }

    private static String downtime(DowntimeReason reason) {
        return reason == null ? "" : " (" + reason.name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")";
    }

    private static String dated(Instant since) {
        return since == null ? "" : " " + day(since);
    }

    private static String reason(String reason) {
        return reason == null || reason.isBlank() ? "" : ": " + reason;
    }
}
