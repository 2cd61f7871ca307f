package com.cruddur.messaging.domain.application.usecase;

import com.cruddur.messaging.domain.application.port.in.BlockUserCommand;
import com.cruddur.messaging.domain.application.port.in.BlockUserUseCase;
import com.cruddur.messaging.domain.application.port.out.Blocks;
import com.cruddur.messaging.domain.application.port.out.EventBus;
import com.cruddur.messaging.domain.application.port.out.UserDirectory;
import com.cruddur.messaging.domain.error.ErrorCode;
import com.cruddur.messaging.domain.error.InvalidInputException;
import com.cruddur.messaging.domain.error.NotFoundException;
import com.cruddur.messaging.domain.model.ConversationEvent;
import com.cruddur.messaging.domain.model.User;
import java.util.Objects;

public final class BlockUser implements BlockUserUseCase {
    private final Callers callers;
    private final UserDirectory directory;
    private final Blocks blocks;
    private final EventBus events;

    public BlockUser(Callers callers, UserDirectory directory, Blocks blocks, EventBus events) {
        this.callers = Objects.requireNonNull(callers, "callers");
        this.directory = Objects.requireNonNull(directory, "directory");
        this.blocks = Objects.requireNonNull(blocks, "blocks");
        this.events = Objects.requireNonNull(events, "events");
    }

    @Override
    public void block(BlockUserCommand command) {
        change(command, true);
    }

    @Override
    public void unblock(BlockUserCommand command) {
        change(command, false);
    }

    private void change(BlockUserCommand command, boolean blocking) {
        User caller = callers.identify(command.caller());
        User other = directory.byHandle(command.handle()).orElseThrow(() -> NotFoundException.user(command.handle().value()));
        if (other.id().equals(caller.id())) {
            throw new InvalidInputException(ErrorCode.BLOCK_SELF);
        }
        if (blocking) {
            blocks.block(caller.id(), other.id());
        } else {
            blocks.unblock(caller.id(), other.id());
        }
        // Announced even when nothing changed: a retry's first attempt may have stored it and died before this.
        events.publish(new ConversationEvent.BlockChanged(caller.id(), other.id(), blocking));
    }
}
