package org.buildwithukraine.line;

import jakarta.inject.Singleton;

import org.buildwithukraine.testsupport.MovableClock;

/** The service's clock in tests: real time, moved on demand (replaces the kit's default clock bean). */
@Singleton
public class TestClock extends MovableClock {
}
