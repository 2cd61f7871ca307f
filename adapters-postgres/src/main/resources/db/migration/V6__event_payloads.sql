-- Events too large for a NOTIFY payload (PostgreSQL's limit is 8000 bytes; a message of 1024 emoji is
-- over 12,000 characters as JSON): the notification names a row here, which every listener reads.
-- Kept a few minutes: a listener reads it within milliseconds of the notification.
CREATE TABLE public.event_payloads (
  id UUID PRIMARY KEY,
  payload text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX event_payloads_age ON public.event_payloads (created_at);
