package com.cruddur.messaging.adapter.memory;

import com.cruddur.messaging.domain.application.port.out.ConversationStore;
import com.cruddur.messaging.domain.contract.ConversationStoreContract;
import java.lang.reflect.Field;

class InMemoryConversationStoreTest extends ConversationStoreContract {
    private final InMemoryConversationStore store = new InMemoryConversationStore();

    @Override
    protected ConversationStore store() {
        return store;
    }

    @Override
    protected boolean holdsText(String text) {
        return holds(store, text);
    }

    /** Everything the store holds is in its fields' maps, whose text shows every value in them. */
    static boolean holds(InMemoryConversationStore store, String text) {
        try {
            for (Field field : InMemoryConversationStore.class.getDeclaredFields()) {
                field.setAccessible(true);
                if (String.valueOf(field.get(store)).contains(text)) {
                    return true;
                }
            }
            return false;
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
