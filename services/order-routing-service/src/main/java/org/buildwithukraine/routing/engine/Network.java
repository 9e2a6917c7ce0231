package org.buildwithukraine.routing.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The lines, factories and licences the router knows, indexed the way routing asks: the lines building a
 * technology, the licences a factory holds for a technology. A routing decision touches only the lines of its
 * order's technology, so its cost grows with those, not with the whole network.
 */
public final class Network {

    private final Map<String, Line> lines = new HashMap<>();
    private final Map<String, List<Line>> linesByTechnology = new HashMap<>();
    private final Map<String, Factory> factories = new HashMap<>();
    private final Map<String, Licence> licences = new HashMap<>();
    private final Map<String, List<Licence>> licencesByTechnology = new HashMap<>();
    private final Map<FactoryTechnology, List<Licence>> licencesByHolder = new HashMap<>();

    private record FactoryTechnology(String factoryId, String technologyCode) {
    }

    /**
     * A line with its factory and the licences its factory holds for the line's technology (soonest-ending first),
     * resolved once when the network is indexed: judging a line then needs no look-up, which is what routing does
     * for every line of a technology in every decision.
     */
    record Site(Line line, Factory factory, List<Licence> licences) {
    }

    private final Map<String, List<Site>> sitesByTechnology = new HashMap<>();

    private Network() {
    }

    public static Network of(Collection<Line> lines, Collection<Factory> factories, Collection<Licence> licences) {
        Network network = new Network();
        for (Line line : lines) {
            network.lines.put(line.id(), line);
            network.linesByTechnology.computeIfAbsent(line.technologyCode(), t -> new ArrayList<>()).add(line);
        }
        network.linesByTechnology.values().forEach(list -> list.sort(Comparator.comparing(Line::id)));
        factories.forEach(factory -> network.factories.put(factory.id(), factory));
        for (Licence licence : licences) {
            network.licences.put(licence.id(), licence);
            network.licencesByTechnology.computeIfAbsent(licence.technologyCode(), t -> new ArrayList<>())
                    .add(licence);
            network.licencesByHolder.computeIfAbsent(
                    new FactoryTechnology(licence.factoryId(), licence.technologyCode()), k -> new ArrayList<>())
                    .add(licence);
        }
        network.licencesByTechnology.values().forEach(list -> list.sort(Comparator.comparing(Licence::id)));
        network.licencesByHolder.values().forEach(list -> list.sort(Ranking.LICENCES));
        network.linesByTechnology.forEach((technology, built) -> network.sitesByTechnology.put(technology,
                built.stream().map(line -> new Site(line, network.factory(line.factoryId()),
                        network.licencesHeldBy(line.factoryId(), technology))).toList()));
        return network;
    }

    /** The lines building the technology with their factories and licences, by line id. */
    List<Site> sitesBuilding(String technologyCode) {
        return sitesByTechnology.getOrDefault(technologyCode, List.of());
    }

    public Line line(String id) {
        return lines.get(id);
    }

    public Factory factory(String id) {
        return factories.get(id);
    }

    public Licence licence(String id) {
        return licences.get(id);
    }

    /** Licences for the technology, any holder, by id. */
    public List<Licence> licencesFor(String technologyCode) {
        return licencesByTechnology.getOrDefault(technologyCode, List.of());
    }

    /** Licences the factory holds for the technology, the one ending soonest first. */
    public List<Licence> licencesHeldBy(String factoryId, String technologyCode) {
        return licencesByHolder.getOrDefault(new FactoryTechnology(factoryId, technologyCode), List.of());
    }
}
