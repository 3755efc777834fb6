package com.revos.voice.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WireArrivalsTest {

    @TempDir
    Path dir;

    @Test
    void reads_the_kernels_timestamps_of_a_run_and_counts_its_fullest_second() throws IOException {
        var capture = dir.resolve("wire.txt");
        Files.write(capture, List.of(
                "tcpdump: verbose output suppressed, use -v[v]... for full protocol decode",
                "1796160779.900000 IP 127.0.0.1.40000 > 127.0.0.1.8090: tcp 812",
                "1796160780.100000 IP 127.0.0.1.40001 > 127.0.0.1.8090: tcp 812",
                "1796160780.500000 IP 127.0.0.1.40002 > 127.0.0.1.8090: tcp 812",
                "1796160780.600000 IP 127.0.0.1.40003 > 127.0.0.1.8090: tcp 812",
                "1796160781.099999 IP 127.0.0.1.40000 > 127.0.0.1.8090: tcp 812",
                "1796160781.100000 IP 127.0.0.1.40001 > 127.0.0.1.8090: tcp 812",
                "1796160790.000000 IP 127.0.0.1.40002 > 127.0.0.1.8090: tcp 812"));

        var run = WireArrivals.between(capture, Instant.ofEpochSecond(1796160780),
                Instant.ofEpochSecond(1796160782)).orElseThrow();

        // the first and the last lie outside the run; .100000 to 1.099999 is the fullest second (1.100000 is not in it)
        assertThat(run.calls()).isEqualTo(5);
        assertThat(run.peakPerSecond()).isEqualTo(4);
    }

    @Test
    void a_line_that_is_not_a_timestamped_segment_is_no_arrival() {
        assertThat(WireArrivals.epochNanos("1796160780.5 IP 127.0.0.1 > x")).isEqualTo(1_796_160_780_500_000_000L);
        assertThat(WireArrivals.epochNanos("listening on lo, link-type EN10MB")).isEqualTo(Long.MIN_VALUE);
        assertThat(WireArrivals.epochNanos("")).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void no_capture_is_no_wire_witness() {
        assertThat(WireArrivals.between(dir.resolve("missing.txt"), Instant.EPOCH, Instant.now())).isEmpty();
    }
}
