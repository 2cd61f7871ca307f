package com.cruddur.messaging.domain.application.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cruddur.messaging.domain.application.port.in.ShortProfileQuery;
import com.cruddur.messaging.domain.error.NotFoundException;
import com.cruddur.messaging.domain.error.UnregisteredCallerException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ShowShortProfileTest {
    private final World world = new World();

    @Test
    void showsAUserFoundByHandleInAnyCase() {
        assertThat(world.showShortProfile.showShortProfile(
                ShortProfileQuery.of(Optional.of(World.caller(world.andrew)), "LONDO"))).isEqualTo(world.londo.profile());
    }

    @Test
    void anUnknownOrBlankHandleIsNotFound() {
        assertThatThrownBy(() -> world.showShortProfile.showShortProfile(
                ShortProfileQuery.of(Optional.of(World.caller(world.andrew)), "nobody"))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> ShortProfileQuery.of(Optional.of(World.caller(world.andrew)), " "))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void anUnregisteredCallerSeesNoProfiles() {
        assertThatThrownBy(() -> world.showShortProfile.showShortProfile(ShortProfileQuery.of(Optional.of(world.stranger), "bayko")))
                .isInstanceOf(UnregisteredCallerException.class);
    }

    @Test
    void anAnonymousCallerSeesAShortProfileAsInTheOriginal() {
        assertThat(world.showShortProfile.showShortProfile(ShortProfileQuery.of(Optional.empty(), "bayko")))
                .isEqualTo(world.bayko.profile());
        assertThatThrownBy(() -> world.showShortProfile.showShortProfile(ShortProfileQuery.of(Optional.empty(), "nobody")))
                .isInstanceOf(NotFoundException.class);
    }
}
