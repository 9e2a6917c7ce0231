package org.buildwithukraine.e2e;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * What every browser test class of the console shares: the platform with its demo data loaded, and for each test
 * a browser of its own (1280 × 800, nobody signed in), closed after it.
 */
abstract class ConsoleSuite {

    ConsoleBrowser browser;

    @BeforeAll
    static void withDemoData() {
        Platform.get().up(true);
    }

    @BeforeEach
    void openBrowser() {
        browser = new ConsoleBrowser(Platform.get());
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }
}
