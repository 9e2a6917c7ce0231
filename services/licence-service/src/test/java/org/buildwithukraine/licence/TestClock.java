package org.buildwithukraine.licence;

import jakarta.inject.Singleton;

import org.buildwithukraine.testsupport.MovableClock;

/** The service's clock in tests: real time, moved forward on demand (replaces the kit's default clock bean). */
@Singleton
public class TestClock extends MovableClock {
}
