package com.revos.voice.values;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PageWindowTest {

    private static final PageWindow.Invalid INVALID = (field, reason) -> new IllegalArgumentException(field + " "
            + reason);

    @Test
    void an_absent_limit_and_offset_take_the_defaults() {
        assertThat(PageWindow.of(null, null, INVALID)).isEqualTo(new PageWindow(50, 0));
    }

    @Test
    void the_bounds_are_inclusive() {
        assertThat(PageWindow.of(1, 0, INVALID)).isEqualTo(new PageWindow(1, 0));
        assertThat(PageWindow.of(PageWindow.MAX_LIMIT, 10_000, INVALID)).isEqualTo(new PageWindow(500, 10_000));
    }

    @Test
    void a_field_out_of_bounds_is_reported_by_name_through_the_services_own_error() {
        assertThatThrownBy(() -> PageWindow.of(0, 0, INVALID)).hasMessage("limit must be between 1 and 500");
        assertThatThrownBy(() -> PageWindow.of(501, 0, INVALID)).hasMessage("limit must be between 1 and 500");
        assertThatThrownBy(() -> PageWindow.of(10, -1, INVALID)).hasMessage("offset must be 0 or more");
    }
}
