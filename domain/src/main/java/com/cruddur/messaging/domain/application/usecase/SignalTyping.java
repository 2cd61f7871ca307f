package com.cruddur.messaging.domain.application.usecase;

import com.cruddur.messaging.domain.application.port.in.SignalTypingCommand;
import com.cruddur.messaging.domain.application.port.in.SignalTypingUseCase;
import com.cruddur.messaging.domain.application.port.out.Clock;
import com.cruddur.messaging.domain.application.port.out.EventBus;
import com.cruddur.messaging.domain.model.ConversationEvent;
import com.cruddur.messaging.domain.model.MessageGroup;
import com.cruddur.messaging.domain.model.MessageGroupId;
import com.cruddur.messaging.domain.model.Timestamp;
import com.cruddur.messaging.domain.model.User;
import com.cruddur.messaging.domain.model.UserId;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Tells the other member that the caller is typing, at most once per member and group every {@link #AT_MOST_EVERY}
 * on this instance (a client signals on every keystroke; the indicator lasts {@link ConversationEvent.Typing#SHOWN_FOR},
 * so one signal in two seconds keeps it up). Signals in between are accepted and dropped.
 */
public final class SignalTyping implements SignalTypingUseCase {
    public static final Duration AT_MOST_EVERY = Duration.ofSeconds(2);
    /** Past this many remembered typists, the ones whose two seconds are over are forgotten. */
    private static final int REMEMBERED = 10_000;

    private record Typist(UserId user, MessageGroupId group) {
    }

    private final Callers callers;
    private final Memberships memberships;
    private final EventBus events;
    private final Clock clock;
    private final Map<Typist, Timestamp> lastSignals = new ConcurrentHashMap<>();

    public SignalTyping(Callers callers, Memberships memberships, EventBus events, Clock clock) {
        this.callers = Objects.requireNonNull(callers, "callers");
        this.memberships = Objects.requireNonNull(memberships, "memberships");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void signalTyping(SignalTypingCommand command) {
        User typist = callers.identify(command.caller());
        MessageGroup group = memberships.groupOfMember(command.group(), typist);
        Timestamp now = clock.now();
        if (!firstInItsWindow(new Typist(typist.id(), group.id()), now)) {
            return;
        }
        Set<UserId> others = ConversationEvent.membersOf(group).stream().filter(member -> !member.equals(typist.id()))
                .collect(Collectors.toSet());
        events.publish(new ConversationEvent.Typing(group.id(), typist.id(), others));
    }

    private boolean firstInItsWindow(Typist typist, Timestamp now) {
        Timestamp windowStart = new Timestamp(now.instant().minus(AT_MOST_EVERY));
        // The signal is the window's first when the map now holds this very reading of the clock.
        boolean first = lastSignals.compute(typist,
                (key, last) -> last == null || !last.isAfter(windowStart) ? now : last) == now;
        if (lastSignals.size() > REMEMBERED) {
            lastSignals.values().removeIf(last -> !last.isAfter(windowStart));
        }
        return first;
    }
}
