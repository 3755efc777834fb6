package com.revos.voice.dialer.campaign.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

    @Test
    void reads_quoted_fields_with_commas_quotes_and_line_breaks() {
        var csv = new CsvReader(new StringReader("phone,name\r\n+12125550100,\"Doe, \"\"Jo\"\"\"\n+1,\"two\nlines\"\n"));
        assertThat(csv.next()).containsExactly("phone", "name");
        assertThat(csv.next()).containsExactly("+12125550100", "Doe, \"Jo\"");
        assertThat(csv.next()).containsExactly("+1", "two\nlines");
        assertThat(csv.next()).isNull();
    }

    @Test
    void a_last_line_without_newline_is_read() {
        var csv = new CsvReader(new StringReader("a,b\nc,"));
        assertThat(csv.next()).isEqualTo(List.of("a", "b"));
        assertThat(csv.next()).isEqualTo(List.of("c", ""));
        assertThat(csv.next()).isNull();
    }
}
