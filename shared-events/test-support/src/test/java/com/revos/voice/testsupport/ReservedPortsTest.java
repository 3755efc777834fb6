package com.revos.voice.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashSet;
import org.junit.jupiter.api.Test;

class ReservedPortsTest {

    @Test
    void reserved_ports_lie_below_the_ephemeral_range_and_no_two_reservations_share_one() {
        var held = new ArrayList<ReservedPorts.Reservation>();
        try {
            for (int i = 0; i < 50; i++) {
                held.add(ReservedPorts.reserve());
            }
            var ports = new HashSet<Integer>();
            held.forEach(reservation -> ports.add(reservation.port()));
            assertThat(ports).hasSize(50).allSatisfy(port ->
                    assertThat(port).isBetween(ReservedPorts.FIRST, ReservedPorts.LAST).isLessThan(32_768));
        } finally {
            held.forEach(ReservedPorts.Reservation::close);
        }
    }

    @Test
    void a_reserved_port_is_free_for_its_server_to_bind() throws Exception {
        try (var reservation = ReservedPorts.reserve(); var server = new ServerSocket()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), reservation.port()));
            assertThat(server.getLocalPort()).isEqualTo(reservation.port());
        }
    }
}
