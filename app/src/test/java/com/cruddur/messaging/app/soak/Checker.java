package com.cruddur.messaging.app.soak;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The soak's invariants (docs/reliability.md, "What the checker checks") over its history and final state, independently of the service's code: it
 * knows only what clients sent and saw, what the API shows at the end and what the store holds.
 */
final class Checker {
    static final long HEALED_WITHIN_MS = 10_000;
    /** The most a summary moves on past its message's time: one microsecond per colliding attempt (DynamoDB store). */
    private static final long SUMMARY_MOVE_MICROS = 3;

    private final History history;
    private final FinalState state;
    private final List<SoakUser> users;
    private final Map<String, List<String>> violations = new LinkedHashMap<>();

    /** What the probes after healing found: per request, how long until it succeeded (-1: never). */
    record Probe(String request, long millis) {
    }

    Checker(History history, FinalState state, List<SoakUser> users) {
        this.history = history;
        this.state = state;
        this.users = users;
    }

    Map<String, List<String>> check(List<Probe> probes) {
        noServerErrors();
        sendsStoredExactlyOnce();
        onlySentMessagesStored();
        deletedTextsNowhere();
        oneGroupPerPair();
        summariesAndUnreadCounts();
        markersNeverBackwards();
        eventStreams();
        probes.stream().filter(probe -> probe.millis() < 0 || probe.millis() > HEALED_WITHIN_MS).forEach(probe ->
                violation("after healing every request succeeds within 10 s", probe.request() + " took "
                        + (probe.millis() < 0 ? "forever" : probe.millis() + " ms")));
        pages();
        faultsAreReal();
        return violations;
    }

    /**
     * Every fault counted in the report was seen to happen, and met the process that its node's last restart left
     * running (taken in the order they ended: faults of one process take their turns). A kill that reached a
     * process other than the live one — an orphan's replacement, say — breaks the chain.
     */
    private void faultsAreReal() {
        Map<String, Long> live = new HashMap<>();
        history.faults().stream().sorted(Comparator.comparingLong(History.Fault::endMs)).forEach(fault -> {
            if (fault.counted() && (!fault.verified() || fault.pid() <= 0 || fault.failure() != null)) {
                violation("every counted fault is verified", at(fault.startMs()) + fault);
            }
            Long running = live.get(fault.node());
            if (fault.counted() && running != null && running != fault.pid()) {
                violation("every fault meets its process as the last restart left it", at(fault.startMs()) + fault
                        + " met pid " + fault.pid() + ", but the last restart of " + fault.node() + " left pid " + running);
            }
            if (fault.restartedPid() > 0) {
                live.put(fault.node(), fault.restartedPid());
            } else if (fault.failure() != null) {
                live.remove(fault.node());
            }
        });
    }

    private void noServerErrors() {
        for (History.Call call : history.calls()) {
            if (call.status() >= 500 && call.status() != 503) {
                violation("no 500, only 2xx, 4xx or 503", at(call.endMs()) + call.request() + " -> " + call.status() + " " + call.body());
            }
        }
    }

    private void sendsStoredExactlyOnce() {
        Map<String, List<Located>> byText = storedByText();
        Map<String, List<Located>> tombstones = tombstonesById();
        Set<String> deleted = deletions(true);
        Set<String> deletionTried = deletions(false);
        for (History.Send send : history.sends()) {
            List<History.Call> acknowledged = send.attempts().stream().filter(call -> call.status() == 200).toList();
            List<Located> stored = byText.getOrDefault(send.text(), List.of());
            String uuid = acknowledged.isEmpty() ? null : field(acknowledged.get(0), "uuid");
            if (uuid != null && deletionTried.contains(uuid)) {
                List<Located> tombstone = tombstones.getOrDefault(uuid, List.of());
                boolean asDeleted = stored.isEmpty() && tombstone.size() == 1
                        && tombstone.get(0).group().equals(field(acknowledged.get(0), "message_group_uuid"));
                if (deleted.contains(uuid) ? !asDeleted : !asDeleted && stored.size() != 1) {
                    violation("a message whose deletion was answered 204 is a tombstone in its place, once",
                            at(acknowledged.get(0).endMs()) + "'" + send.text() + "' (" + uuid + "): as sent " + stored
                                    + ", as tombstone " + tombstone);
                }
                continue;
            }
            if (acknowledged.isEmpty()) {
                if (stored.size() > 1) {
                    violation("a client_message_id is stored at most once", "'" + send.text() + "' (no 200) stored "
                            + stored.size() + " times: " + stored);
                }
                continue;
            }
            Set<String> answered = new HashSet<>();
            acknowledged.forEach(call -> answered.add(field(call, "uuid")));
            if (answered.size() > 1) {
                violation("every answer for a client_message_id names the same message", "'" + send.text() + "' answered as "
                        + answered);
            }
            History.Call first = acknowledged.get(0);
            String group = field(first, "message_group_uuid");
            if (stored.size() != 1 || !stored.get(0).group().equals(group)
                    || !stored.get(0).message().uuid().equals(field(first, "uuid"))
                    || !stored.get(0).message().handle().equals(users.get(send.user()).handle())) {
                violation("every send answered 200 is stored exactly once, in its group, as sent", at(first.endMs()) + "'"
                        + send.text() + "' answered " + field(first, "uuid") + " in " + group + ", stored as " + stored);
            }
        }
    }

    /** A message whose deletion was answered 204 shows its text nowhere: in no conversation and in no summary. */
    private void deletedTextsNowhere() {
        Map<String, String> textOf = new HashMap<>();
        history.sends().forEach(send -> send.attempts().stream().filter(call -> call.status() == 200).findFirst()
                .ifPresent(call -> textOf.put(field(call, "uuid"), send.text())));
        for (String uuid : deletions(true)) {
            String text = textOf.get(uuid);
            if (text == null) {
                continue;
            }
            state.messages().forEach((group, messages) -> messages.stream().filter(message -> message.message().equals(text))
                    .forEach(message -> violation("a deleted message's text is nowhere", "'" + text + "' still in " + group)));
            state.lists().forEach((user, listed) -> listed.stream().filter(summary -> summary.message().equals(text))
                    .forEach(summary -> violation("a deleted message's text is nowhere", "'" + text + "' still in "
                            + users.get(user).handle() + "'s summary of " + summary.group())));
        }
    }

    private void onlySentMessagesStored() {
        Set<String> deletionTried = deletions(false);
        tombstonesById().forEach((uuid, tombstones) -> {
            if (!deletionTried.contains(uuid)) {
                violation("nothing is stored that no client sent", "a tombstone nobody asked for: " + tombstones);
            }
        });
        Map<String, History.Send> sent = new HashMap<>();
        history.sends().forEach(send -> sent.put(send.text(), send));
        storedByText().forEach((text, stored) -> {
            History.Send send = sent.get(text);
            if (send == null) {
                violation("nothing is stored that no client sent", "'" + text + "' in " + stored);
            } else if (stored.stream().anyMatch(located -> !located.message().handle().equals(users.get(send.user()).handle()))) {
                violation("nothing is stored that no client sent", "'" + text + "' under another sender: " + stored);
            }
        });
    }

    private void oneGroupPerPair() {
        for (SoakUser user : users) {
            Map<String, String> byHandle = new HashMap<>();
            for (FinalState.Listed listed : state.lists().getOrDefault(user.index(), List.of())) {
                String earlier = byHandle.put(listed.handle(), listed.group());
                if (earlier != null) {
                    violation("one group per pair", user.handle() + " has two groups with " + listed.handle() + ": " + earlier
                            + ", " + listed.group());
                }
                SoakUser other = users.stream().filter(candidate -> candidate.handle().equals(listed.handle())).findFirst().orElseThrow();
                boolean mutual = state.lists().getOrDefault(other.index(), List.of()).stream()
                        .anyMatch(theirs -> theirs.handle().equals(user.handle()) && theirs.group().equals(listed.group()));
                if (!mutual) {
                    violation("one group per pair", user.handle() + "'s group " + listed.group() + " with " + listed.handle()
                            + " is not in " + listed.handle() + "'s list as theirs with " + user.handle());
                }
            }
        }
        Map<String, Set<String>> answeredGroups = new HashMap<>();
        for (History.Send send : history.sends()) {
            for (History.Call call : send.attempts()) {
                if (call.status() == 200) {
                    String pair = pairOf(users.get(send.user()).handle(), handleOfPartner(send, call));
                    answeredGroups.computeIfAbsent(pair, key -> new HashSet<>()).add(field(call, "message_group_uuid"));
                }
            }
        }
        answeredGroups.forEach((pair, groups) -> {
            if (groups.size() > 1) {
                violation("one group per pair", "sends of pair " + pair + " were answered in groups " + groups);
            }
        });
    }

    private void summariesAndUnreadCounts() {
        for (SoakUser user : users) {
            for (FinalState.Listed listed : state.lists().getOrDefault(user.index(), List.of())) {
                List<FinalState.Stored> messages = state.messages().getOrDefault(listed.group(), List.of());
                if (messages.isEmpty()) {
                    violation("each member's summary shows the group's newest message", user.handle() + " lists "
                            + listed.group() + " which has no messages");
                    continue;
                }
                FinalState.Stored newest = messages.get(messages.size() - 1);
                if (!newest.message().equals(listed.message()) || !atOrJustAfter(listed.createdAt(), newest.createdAt())) {
                    violation("each member's summary shows the group's newest message", user.handle() + "'s summary of "
                            + listed.group() + " is '" + listed.message() + "' at " + listed.createdAt() + "; newest is '"
                            + newest.message() + "' at " + newest.createdAt());
                }
                long unread = messages.stream().filter(message -> message.handle().equals(listed.handle()))
                        .filter(message -> listed.lastReadAt() == null || message.createdAt().compareTo(listed.lastReadAt()) > 0)
                        .count();
                if (listed.unreadCount() != Math.min(999, unread)) {
                    violation("unread_count is exact", user.handle() + " in " + listed.group() + ": unread_count "
                            + listed.unreadCount() + ", messages of " + listed.handle() + " after " + listed.lastReadAt() + ": " + unread);
                }
            }
        }
    }

    /** Of two lists of groups one client got, the later (started after the first was answered) never shows an older marker. */
    private void markersNeverBackwards() {
        Map<Integer, List<History.Call>> byUser = new HashMap<>();
        history.calls().stream().filter(call -> call.kind().equals("list groups") && call.status() == 200)
                .forEach(call -> byUser.computeIfAbsent(call.user(), key -> new ArrayList<>()).add(call));
        byUser.forEach((user, calls) -> {
            List<History.Call> byEnd = new ArrayList<>(calls);
            byEnd.sort(Comparator.comparingLong(History.Call::endMs));
            List<History.Call> byStart = new ArrayList<>(calls);
            byStart.sort(Comparator.comparingLong(History.Call::startMs));
            Map<String, String> highest = new HashMap<>(); // "group mine|theirs" -> marker
            int answered = 0;
            for (History.Call call : byStart) {
                while (answered < byEnd.size() && byEnd.get(answered).endMs() < call.startMs()) {
                    markers(byEnd.get(answered)).forEach((key, marker) -> highest.merge(key, marker,
                            (a, b) -> a.compareTo(b) >= 0 ? a : b));
                    answered++;
                }
                markers(call).forEach((key, marker) -> {
                    String seen = highest.get(key);
                    if (seen != null && marker.compareTo(seen) < 0) {
                        violation("read markers never move backwards in what a client sees", at(call.startMs())
                                + users.get(user).handle() + " saw " + key + " at " + marker + " after " + seen);
                    }
                });
            }
        });
    }

    private void eventStreams() {
        Map<String, Long> acknowledgedAt = new HashMap<>(); // message uuid -> when its send was answered
        Map<String, String> groupOf = new HashMap<>();
        Map<String, Long> startedAt = new HashMap<>();
        for (History.Send send : history.sends()) {
            send.attempts().stream().filter(call -> call.status() == 200).findFirst().ifPresent(call -> {
                acknowledgedAt.put(field(call, "uuid"), call.endMs());
                startedAt.put(field(call, "uuid"), send.attempts().get(0).startMs());
                groupOf.put(field(call, "uuid"), field(call, "message_group_uuid"));
            });
        }
        Map<Integer, List<History.Session>> byUser = new HashMap<>();
        history.sessions().forEach(session -> byUser.computeIfAbsent(session.user(), key -> new ArrayList<>()).add(session));
        byUser.forEach((user, sessions) -> {
            sessions.sort(Comparator.comparingLong(History.Session::openedMs));
            Set<String> groups = state.groupsOf(user);
            // Chains of sessions joined by Last-Event-ID. A message of the follower's groups sent after the chain
            // began must arrive before it ends; a chain that ends with resync may miss some, but only if no message
            // sent after the missing one arrived before that resync (its next event must be the resync).
            Long chainStart = null;
            Map<String, Long> delivered = new HashMap<>(); // message uuid -> when it arrived
            for (int i = 0; i <= sessions.size(); i++) {
                History.Session session = i < sessions.size() ? sessions.get(i) : null;
                boolean continues = session != null && session.lastEventIdSent() != null;
                if (!continues && chainStart != null) {
                    History.Session last = sessions.get(i - 1);
                    Optional<Long> resync = last.events().stream().filter(event -> "resync".equals(event.name()))
                            .map(History.Event::atMs).findFirst();
                    long from = chainStart;
                    long until = resync.orElse(last.endedMs() - 5_000);
                    acknowledgedAt.forEach((uuid, acked) -> {
                        if (!groups.contains(groupOf.get(uuid)) || startedAt.get(uuid) <= from || acked >= until
                                || delivered.containsKey(uuid)) {
                            return;
                        }
                        Optional<String> later = delivered.entrySet().stream()
                                .filter(other -> startedAt.containsKey(other.getKey()) && startedAt.get(other.getKey()) > acked)
                                .map(Map.Entry::getKey).findFirst();
                        if (resync.isEmpty() || later.isPresent()) {
                            violation("an event stream never loses an event silently", at(acked) + users.get(user).handle()
                                    + " followed from " + from + " ms to " + last.endedMs() + " ms and never got " + uuid
                                    + " (answered at " + acked + " ms)" + later.map(other -> "; " + other
                                    + ", sent after it, arrived before " + (resync.isPresent() ? "the resync" : "the end"))
                                    .orElse(" and no resync came"));
                        }
                    });
                    chainStart = null;
                    delivered.clear();
                }
                if (session == null || session.status() != 200) {
                    continue;
                }
                if (chainStart == null) {
                    chainStart = session.events().isEmpty() ? session.openedMs() : session.events().get(0).atMs();
                }
                for (History.Event event : session.events()) {
                    if ("message".equals(event.name()) || "read".equals(event.name())) {
                        String group = Calls.field(event.data(), "message_group_uuid");
                        if (!groups.contains(group)) {
                            violation("an event stream never carries an event of a group the follower is not in",
                                    users.get(user).handle() + " got " + event.name() + " of " + group);
                        }
                        if ("message".equals(event.name())) {
                            delivered.putIfAbsent(Calls.field(event.data(), "uuid"), event.atMs());
                        }
                    }
                }
            }
        });
    }

    private void pages() {
        for (History.Call call : history.calls()) {
            if (call.kind().startsWith("read page") && call.status() == 200) {
                List<String> ids = new ArrayList<>();
                Calls.json(Calls.body(call)).forEach(message -> ids.add(message.get("uuid").asText()));
                if (new HashSet<>(ids).size() != ids.size()) {
                    violation("pages never repeat or skip a message", at(call.endMs()) + call.request() + " repeats a message");
                }
            }
        }
        state.pages().forEach((group, pages) -> {
            List<String> all = pages.stream().flatMap(List::stream).toList();
            long stored = state.storeCounts().getOrDefault(group, -1L);
            if (new HashSet<>(all).size() != all.size() || all.size() != stored) {
                violation("pages never repeat or skip a message", group + ": " + all.size() + " messages over " + pages.size()
                        + " pages (" + new HashSet<>(all).size() + " distinct), the store holds " + stored);
            }
        });
    }

    /**
     * A summary's time is its message's, or a few microseconds later: a member's two summaries cannot share a
     * sort key (README, Known limits), so when two of a member's conversations get a message in the same microsecond, one
     * summary moves on by a microsecond (README, "Known limits"). The soak met it on 2026-12-07.
     */
    private static boolean atOrJustAfter(String summaryAt, String messageAt) {
        long micros = java.time.temporal.ChronoUnit.MICROS.between(java.time.OffsetDateTime.parse(messageAt),
                java.time.OffsetDateTime.parse(summaryAt));
        return micros >= 0 && micros <= SUMMARY_MOVE_MICROS;
    }

    private record Located(String group, FinalState.Stored message) {
    }

    /** The stored messages that are not tombstones, by their text (each send's text is its own). */
    private Map<String, List<Located>> storedByText() {
        Map<String, List<Located>> byText = new HashMap<>();
        state.messages().forEach((group, messages) -> messages.stream().filter(message -> !message.isTombstone())
                .forEach(message -> byText.computeIfAbsent(message.message(), key -> new ArrayList<>())
                        .add(new Located(group, message))));
        return byText;
    }

    private Map<String, List<Located>> tombstonesById() {
        Map<String, List<Located>> byId = new HashMap<>();
        state.messages().forEach((group, messages) -> messages.stream().filter(FinalState.Stored::isTombstone)
                .forEach(message -> byId.computeIfAbsent(message.uuid(), key -> new ArrayList<>())
                        .add(new Located(group, message))));
        return byId;
    }

    /** The messages whose deletion was answered 204 ({@code acknowledged}), or was tried at all. */
    private Set<String> deletions(boolean acknowledged) {
        Set<String> messages = new HashSet<>();
        history.deletions().stream().filter(deletion -> !acknowledged || deletion.acknowledged())
                .forEach(deletion -> messages.add(deletion.message()));
        return messages;
    }

    private String handleOfPartner(History.Send send, History.Call answer) {
        return send.byHandle() ? send.to() : state.lists().getOrDefault(send.user(), List.of()).stream()
                .filter(listed -> listed.group().equals(field(answer, "message_group_uuid")))
                .map(FinalState.Listed::handle).findFirst().orElse("?");
    }

    private static String pairOf(String a, String b) {
        return a.compareTo(b) < 0 ? a + "+" + b : b + "+" + a;
    }

    private static Map<String, String> markers(History.Call call) {
        Map<String, String> markers = new HashMap<>();
        for (JsonNode group : Calls.json(Calls.body(call))) {
            for (String field : List.of("last_read_at", "other_last_read_at")) {
                JsonNode marker = group.get(field);
                if (marker != null && !marker.isNull()) {
                    markers.put(group.get("uuid").asText() + " " + field, marker.asText());
                }
            }
        }
        return markers;
    }

    private static String field(History.Call call, String name) {
        return Calls.field(Calls.body(call), name);
    }

    private String at(long ms) {
        StringBuilder around = new StringBuilder();
        history.faults().stream().filter(fault -> fault.endMs() > ms - 10_000 && fault.startMs() < ms + 2_000)
                .forEach(fault -> around.append(fault.kind()).append(' ').append(fault.target()).append(" @")
                        .append(fault.startMs()).append("-").append(fault.endMs()).append(" ms; "));
        return "[" + ms + " ms" + (around.length() == 0 ? "" : "; faults around: " + around.toString().strip()) + "] ";
    }

    private void violation(String invariant, String example) {
        violations.computeIfAbsent(invariant, key -> new ArrayList<>()).add(example);
    }
}
