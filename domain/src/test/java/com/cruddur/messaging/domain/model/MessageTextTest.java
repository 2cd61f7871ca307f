package com.cruddur.messaging.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.domain.error.ErrorCode;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MessageTextTest {
    private static final String EMOJI = "\uD83D\uDE00"; // one code point, two UTF-16 chars

    @Test
    void isTrimmed() {
        assertThat(MessageText.of("  \n hello there \t").value()).isEqualTo("hello there");
    }

    @Test
    void acceptsExactly1024CodePointsOfEmoji() {
        String text = EMOJI.repeat(1024);

        assertThat(text.length()).isEqualTo(2048);
        assertThat(MessageText.problemOf(text)).isEmpty();
        assertThat(MessageText.of(text).value()).isEqualTo(text);
    }

    @Test
    void refuses1025CodePoints() {
        assertThat(MessageText.problemOf(EMOJI.repeat(1025))).contains(ErrorCode.MESSAGE_EXCEED_MAX_CHARS);
        assertThat(MessageText.problemOf("a".repeat(1025))).contains(ErrorCode.MESSAGE_EXCEED_MAX_CHARS);
    }

    @Test
    void countsAfterTrimming() {
        assertThat(MessageText.problemOf("  " + "a".repeat(1024) + "  ")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t\n", "\u2003\u2002", "\u3000"})
    void refusesBlankText(String blank) {
        assertThat(MessageText.problemOf(blank)).contains(ErrorCode.MESSAGE_BLANK);
    }

    @Test
    void refusesNulCharacters() {
        assertThat(MessageText.problemOf("hello\u0000world")).contains(ErrorCode.MESSAGE_INVALID_CHARACTERS);
        assertThat(MessageText.problemOf("tabs\tand\nnewlines are fine")).isEmpty();
    }

    @Test
    void refusesAMissingText() {
        assertThat(MessageText.problemOf(null)).isEqualTo(Optional.of(ErrorCode.MESSAGE_BLANK));
    }
}
