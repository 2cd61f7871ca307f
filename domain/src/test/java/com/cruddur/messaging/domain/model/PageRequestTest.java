package com.cruddur.messaging.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cruddur.messaging.domain.error.ErrorCode;
import com.cruddur.messaging.domain.error.InvalidInputException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PageRequestTest {

    @Test
    void defaultsToTwentyFromTheStart() {
        assertThat(PageRequest.of(null, null)).isEqualTo(new PageRequest(20, Optional.empty()));
        assertThat(PageRequest.of(null, "")).isEqualTo(new PageRequest(20, Optional.empty()));
    }

    @Test
    void takesALimitUpToAHundredAndACursor() {
        assertThat(PageRequest.of(100, "abc")).isEqualTo(new PageRequest(100, Optional.of(new Cursor("abc"))));
        assertThat(PageRequest.of(1, null).limit()).isEqualTo(1);
    }

    @Test
    void refusesLimitsOutsideOneToAHundredAndOverlongCursorsTogether() {
        assertThatThrownBy(() -> PageRequest.of(0, "x".repeat(513)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.codes())
                        .containsExactly(ErrorCode.LIMIT_INVALID, ErrorCode.CURSOR_INVALID));
        assertThatThrownBy(() -> PageRequest.of(101, null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> PageRequest.of(-5, null)).isInstanceOf(InvalidInputException.class);
    }
}
