package com.cruddur.messaging.support.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.cruddur.messaging.domain.application.port.out.IdSource;
import com.cruddur.messaging.domain.contract.IdSourceContract;
import org.junit.jupiter.api.Test;

class RandomIdSourceTest extends IdSourceContract {

    @Override
    protected IdSource ids() {
        return new RandomIdSource();
    }

    @Test
    void givesRandomVersionFourIds() {
        assertThat(new RandomIdSource().next().version()).isEqualTo(4);
    }
}
