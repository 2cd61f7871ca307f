package com.cruddur.messaging.adapter.memory;

import com.cruddur.messaging.domain.application.port.out.Blocks;
import com.cruddur.messaging.domain.contract.BlocksContract;
import com.cruddur.messaging.domain.model.User;
import java.util.List;

class InMemoryBlocksTest extends BlocksContract {

    @Override
    protected Blocks blocksAmong(List<User> users) {
        return new InMemoryBlocks();
    }
}
