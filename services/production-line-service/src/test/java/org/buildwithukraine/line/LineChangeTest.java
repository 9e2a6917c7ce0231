package org.buildwithukraine.line;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LineChangeTest {

    private static final LineDefinition FPV_240 = new LineDefinition("de-munich", "UA-FPV-7", 240);

    private static LineChange change(LineDefinition before, LineDefinition after) {
        return new LineChange("DE-MUC-01", before, after);
    }

    @Test
    void aNewLineIsARegistrationAManufacturerMayMake() {
        LineChange registration = change(null, FPV_240);
        assertThat(registration.changesAnything()).isTrue();
        assertThat(registration.reRegisters()).isTrue();
        assertThat(registration.reservedForNetworkAdmin()).isEmpty();
    }

    @Test
    void loweringTheCapacityOrChangingNothingIsTheManufacturersToDo() {
        LineChange lower = change(FPV_240, new LineDefinition("de-munich", "UA-FPV-7", 200));
        assertThat(lower.reservedForNetworkAdmin()).isEmpty();
        assertThat(lower.changesAnything()).isTrue();
        assertThat(lower.reRegisters()).isFalse();

        LineChange same = change(FPV_240, FPV_240);
        assertThat(same.changesAnything()).isFalse();
        assertThat(same.reservedForNetworkAdmin()).isEmpty();
    }

    @Test
    void raisingTheCapacityIsANetworkAdminDecision() {
        assertThat(change(FPV_240, new LineDefinition("de-munich", "UA-FPV-7", 241)).reservedForNetworkAdmin())
                .hasValue("Line DE-MUC-01: raising its capacity from 240 to 241 units/day is a network-admin "
                        + "decision; a manufacturer may register new lines of its factory and lower a line's capacity");
    }

    @Test
    void changingTheTechnologyOrTheFactoryIsANetworkAdminDecisionEvenWithLessCapacity() {
        LineChange retool = change(FPV_240, new LineDefinition("de-munich", "UA-RECON-3", 100));
        assertThat(retool.reRegisters()).isTrue();
        assertThat(retool.reservedForNetworkAdmin()).hasValueSatisfying(reason -> assertThat(reason)
                .startsWith("Line DE-MUC-01: changing its technology from UA-FPV-7 to UA-RECON-3 is a network-admin"));

        LineChange move = change(FPV_240, new LineDefinition("de-dresden", "UA-RECON-3", 300));
        assertThat(move.reservedForNetworkAdmin()).hasValueSatisfying(reason -> assertThat(reason).startsWith(
                "Line DE-MUC-01: moving it from factory de-munich to de-dresden and changing its technology from "
                        + "UA-FPV-7 to UA-RECON-3 and raising its capacity from 240 to 300 units/day is a "
                        + "network-admin decision"));
    }
}
