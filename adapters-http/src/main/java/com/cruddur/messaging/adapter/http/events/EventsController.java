package com.cruddur.messaging.adapter.http.events;

import com.cruddur.messaging.adapter.http.api.CallerIds;
import com.cruddur.messaging.adapter.http.error.MalformedRequestException;
import com.cruddur.messaging.adapter.http.error.RateLimited;
import com.cruddur.messaging.adapter.http.json.TicketJson;
import com.cruddur.messaging.domain.application.port.in.FollowEventsCommand;
import com.cruddur.messaging.domain.application.port.in.FollowEventsUseCase;
import com.cruddur.messaging.domain.application.port.in.IssueEventTicketUseCase;
import com.cruddur.messaging.domain.model.EventTicket;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.http.server.netty.NettyHttpRequest;
import io.netty.channel.Channel;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.Optional;

@Controller("/api/events")
@ExecuteOn(TaskExecutors.BLOCKING)
class EventsController {
    /** Query parameters that would put a credential in a URL (logs, history, referrers): refused. */
    private static final List<String> TOKEN_PARAMETERS = List.of("access_token", "token", "id_token", "authorization");
    /** When a user at the limit of open streams may try again: when one of their tabs may have closed. */
    private static final Duration STREAM_LIMIT_RETRY = Duration.ofSeconds(5);

    private final FollowEventsUseCase followEvents;
    private final IssueEventTicketUseCase issueEventTicket;
    private final OpenStreams streams;
    private final Counter refusedStreams;

    EventsController(FollowEventsUseCase followEvents, IssueEventTicketUseCase issueEventTicket, OpenStreams streams,
                     MeterRegistry metrics) {
        this.followEvents = followEvents;
        this.issueEventTicket = issueEventTicket;
        this.streams = streams;
        this.refusedStreams = Counter.builder("http.server.rate.limited").tag("limit", "streams")
                .description("requests answered 429 rate_limited, by limit").register(metrics);
    }

    @Post("/ticket")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    TicketJson ticket(Authentication caller) {
        EventTicket ticket = issueEventTicket.issueEventTicket(CallerIds.of(caller));
        return new TicketJson(ticket.value(), ticket.validFor().toSeconds());
    }

    @Get(produces = MediaType.TEXT_EVENT_STREAM)
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<?> events(HttpRequest<?> request, @Nullable Authentication caller, @Nullable @QueryValue String ticket,
                           @Nullable @Header("Last-Event-ID") String lastEventId) {
        if (TOKEN_PARAMETERS.stream().anyMatch(request.getParameters()::contains)) {
            throw new MalformedRequestException("token_in_url");
        }
        if (caller == null && ticket == null) {
            // JSON like every error, though the route produces an event stream.
            return HttpResponse.unauthorized().body(List.of("unauthorized")).contentType(MediaType.APPLICATION_JSON_TYPE);
        }
        EventStream stream = streams.open(writability(request));
        FollowEventsUseCase.Following following;
        try {
            following = followEvents.follow(new FollowEventsCommand(
                    caller == null ? Optional.empty() : Optional.of(CallerIds.of(caller)),
                    caller == null ? Optional.ofNullable(ticket) : Optional.empty(),
                    Optional.ofNullable(lastEventId).filter(id -> !id.isBlank()), stream));
        } catch (RuntimeException refused) {
            streams.discard(stream);
            throw refused;
        }
        if (!streams.assign(stream, following.follower())) {
            following.close();
            streams.discard(stream);
            refusedStreams.increment();
            return RateLimited.response(STREAM_LIMIT_RETRY);
        }
        return HttpResponse.ok(stream.flux(following)).contentType(MediaType.TEXT_EVENT_STREAM_TYPE)
                .header("Cache-Control", "no-cache").header("X-Accel-Buffering", "no");
    }

    /** Whether the connection's outgoing buffer is below its high-water mark, i.e. the client keeps reading. */
    private static BooleanSupplier writability(HttpRequest<?> request) {
        if (request instanceof NettyHttpRequest<?> netty) {
            Channel channel = netty.getChannelHandlerContext().channel();
            return channel::isWritable;
        }
        return () -> true;
    }
}
