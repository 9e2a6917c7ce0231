package org.buildwithukraine.routing.engine;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.TreeSet;

import org.buildwithukraine.events.factory.FactoryStatus;
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

    static String name(Licence licence) {
        return "licence " + licence.technologyCode() + " for " + licence.factoryId();
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
        if (!licence.activities().contains(org.buildwithukraine.events.licence.LicenceActivity.EXPORT)) {
            return "no export permission for " + destination + ": " + name(licence) + " does not permit export";
        }
        return "no export permission for " + destination + ": " + name(licence) + " allows "
                + (licence.exportTerritories().isEmpty() ? "no territory"
                        : String.join(", ", new TreeSet<>(licence.exportTerritories())));
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
