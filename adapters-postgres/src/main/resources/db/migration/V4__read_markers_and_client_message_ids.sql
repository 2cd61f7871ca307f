-- Each member's read marker sits on their own summary row; unread counts are counted when
-- summaries are listed (one statement), so no increment can be lost to a concurrent marker move.
ALTER TABLE public.message_group_summaries ADD COLUMN last_read_at timestamptz;

-- Each member has read their own messages: the sender's marker is at their latest message.
UPDATE public.message_group_summaries s
   SET last_read_at = (SELECT max(m.created_at) FROM public.messages m
                        WHERE m.message_group_uuid = s.message_group_uuid AND m.user_uuid = s.owner_uuid);

-- Counting a member's unread messages reads the group's messages after the marker, newest first.
CREATE INDEX messages_by_group_sender_time ON public.messages (message_group_uuid, user_uuid, created_at);

-- The ids clients gave their sends, each sender's own, kept at least 24 hours so that a retry
-- returns the first send's message. The claim is inserted before the message in one transaction.
CREATE TABLE public.client_message_ids (
  sender_uuid UUID NOT NULL,
  client_message_id text NOT NULL,
  message_uuid UUID NOT NULL REFERENCES public.messages (uuid) DEFERRABLE INITIALLY DEFERRED,
  expires_at timestamptz NOT NULL,
  PRIMARY KEY (sender_uuid, client_message_id)
);

CREATE INDEX client_message_ids_expiry ON public.client_message_ids (expires_at);
