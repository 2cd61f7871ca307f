package com.cruddur.messaging.app.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The checker bites: a history and a final state that break an invariant are reported as breaking it. */
class CheckerTest {
    private static final String GROUP = "11111111-1111-1111-1111-111111111111";
    private static final String MESSAGE = "22222222-2222-2222-2222-222222222222";
    private final List<SoakUser> users = List.of(new SoakUser(0, UUID.randomUUID(), "soak00", "t0"),
            new SoakUser(1, UUID.randomUUID(), "soak01", "t1"));
    private final History history = new History();

    @Test
    void aCleanRunHasNoViolation() {
        acknowledgedSend();

        assertThat(new Checker(history, state(1), users).check(List.of())).isEmpty();
    }

    @Test
    void anAcknowledgedMessageStoredTwiceIsAViolation() {
        acknowledgedSend();

        assertThat(new Checker(history, state(2), users).check(List.of()))
                .containsKey("every send answered 200 is stored exactly once, in its group, as sent");
    }

    @Test
    void aFollowerThatMissesAnAcknowledgedMessageWithoutResyncIsAViolation() {
        history.add(new History.Session(1, 0, null, 0, 20_000, 200, List.of(new History.Event(null, null, "", 10))));
        acknowledgedSend();

        assertThat(new Checker(history, state(1), users).check(List.of()))
                .containsKey("an event stream never loses an event silently");
    }

    @Test
    void aServerErrorAndASlowRecoveryAreViolations() {
        history.add(new History.Call(0, "list groups", 0, 5, 6, "GET /api/message_groups", 500, "boom", null));

        assertThat(new Checker(history, state(0), users).check(List.of(new Checker.Probe("list groups", 12_000))))
                .containsKeys("no 500, only 2xx, 4xx or 503", "after healing every request succeeds within 10 s");
    }

    @Test
    void aSummaryMovedOnByAMicrosecondIsAllowedButNotMore() {
        acknowledgedSend();
        FinalState clean = state(1);

        assertThat(new Checker(history, summaryAt(clean, "2026-12-07T07:00:00.000002+00:00"), users).check(List.of())).isEmpty();
        assertThat(new Checker(history, summaryAt(clean, "2026-12-07T07:00:00.000010+00:00"), users).check(List.of()))
                .containsKey("each member's summary shows the group's newest message");
    }

    @Test
    void aDeletionAnswered204IsATombstoneAndItsTextIsNowhereElseAViolation() {
        acknowledgedSend();
        history.add(new History.Deletion(0, GROUP, MESSAGE, List.of(new History.Call(0, "delete", 1, 200, 210,
                "DELETE /api/messages/" + GROUP + "/" + MESSAGE, 204, "", null))));

        assertThat(new Checker(history, tombstone(state(1)), users).check(List.of())).isEmpty();
        assertThat(new Checker(history, state(1), users).check(List.of())).containsKeys(
                "a message whose deletion was answered 204 is a tombstone in its place, once",
                "a deleted message's text is nowhere");
    }

    /** The state with its one message deleted: a tombstone in its place, the summaries showing its empty text. */
    private static FinalState tombstone(FinalState state) {
        FinalState.Stored sent = state.messages().get(GROUP).get(0);
        FinalState.Stored tombstone = new FinalState.Stored(sent.uuid(), sent.handle(), "", sent.createdAt(),
                "2026-12-07T07:00:01.000000+00:00");
        Map<Integer, List<FinalState.Listed>> lists = new java.util.HashMap<>();
        state.lists().forEach((user, listed) -> lists.put(user, listed.stream().map(summary -> new FinalState.Listed(
                summary.group(), summary.handle(), "", summary.createdAt(), summary.unreadCount(), summary.lastReadAt(),
                summary.otherLastReadAt())).toList()));
        return new FinalState(lists, Map.of(GROUP, List.of(tombstone)), state.pages(), state.storeCounts());
    }

    private static FinalState summaryAt(FinalState state, String at) {
        Map<Integer, List<FinalState.Listed>> lists = new java.util.HashMap<>(state.lists());
        FinalState.Listed listed = lists.get(0).get(0);
        lists.put(0, List.of(new FinalState.Listed(listed.group(), listed.handle(), listed.message(), at, listed.unreadCount(),
                listed.lastReadAt(), listed.otherLastReadAt())));
        return new FinalState(lists, state.messages(), state.pages(), state.storeCounts());
    }

    private void acknowledgedSend() {
        String answer = "{\"message_group_uuid\":\"" + GROUP + "\",\"uuid\":\"" + MESSAGE + "\",\"display_name\":\"Soak User 0\","
                + "\"handle\":\"soak00\",\"message\":\"u0-1 to soak01\",\"created_at\":\"2026-12-07T07:00:00.000001+00:00\"}";
        history.add(new History.Send(0, "u0-1 to soak01", "u0-1", "soak01", true,
                List.of(new History.Call(0, "send by handle", 0, 100, 120, "POST /api/messages", 200, answer, null))));
    }

    /** The group as the API and the store show it at the end: the message stored {@code copies} times. */
    private FinalState state(int copies) {
        List<FinalState.Stored> messages = java.util.stream.IntStream.range(0, copies)
                .mapToObj(i -> new FinalState.Stored(MESSAGE, "soak00", "u0-1 to soak01", "2026-12-07T07:00:00.00000" + (i + 1) + "+00:00", null))
                .toList();
        if (copies == 0) {
            return new FinalState(Map.of(0, List.of(), 1, List.of()), Map.of(), Map.of(), Map.of());
        }
        FinalState.Stored newest = messages.get(messages.size() - 1);
        return new FinalState(
                Map.of(0, List.of(new FinalState.Listed(GROUP, "soak01", newest.message(), newest.createdAt(), 0, newest.createdAt(), null)),
                        1, List.of(new FinalState.Listed(GROUP, "soak00", newest.message(), newest.createdAt(), copies, null, null))),
                Map.of(GROUP, messages), Map.of(GROUP, List.of(messages.stream().map(FinalState.Stored::uuid).toList())),
                Map.of(GROUP, (long) copies));
    }
}
