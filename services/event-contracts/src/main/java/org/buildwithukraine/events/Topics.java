package org.buildwithukraine.events;

/** Kafka topics of the platform; every record is keyed by the aggregate id of its event. */
public final class Topics {

    public static final String FACTORY_EVENTS = "factory.events";
    public static final String LICENCE_EVENTS = "licence.events";
    public static final String LINE_STATUS = "line.status";
    public static final String LINE_OUTPUT = "line.output";
    public static final String ORDER_ALLOCATIONS = "order.allocations";
    public static final String ORDER_EVENTS = "order.events";

    /** Suffix of the dead-letter topic that receives what a consumer of a topic could not process. */
    public static final String DEAD_LETTER_SUFFIX = ".dlq";

    private Topics() {
    }

    public static String deadLetterOf(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
