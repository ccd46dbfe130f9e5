package id.serambi.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** An IT that needs two plain packaged instances (no stand-ins, no extra settings) for the whole class. */
abstract class OnTwoInstances {

    static TwoInstances pair;

    @BeforeAll
    static void start() throws Exception {
        pair = TwoInstances.start(TwoInstances.PORT_A, TwoInstances.PORT_B);
    }

    @AfterAll
    static void stop() {
        if (pair != null) {
            pair.close();
        }
    }
}
