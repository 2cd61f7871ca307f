-- One-use tickets for browsers' EventSource (60 s), shared by every instance, since a client
-- may open its stream on another instance than the one that issued the ticket.
CREATE TABLE public.event_tickets (
  ticket text PRIMARY KEY,
  user_uuid UUID NOT NULL,
  expires_at timestamptz NOT NULL
);

CREATE INDEX event_tickets_expiry ON public.event_tickets (expires_at);
