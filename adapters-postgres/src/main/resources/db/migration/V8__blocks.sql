-- Who blocks whom, next to the users. A user's deletion takes their blocks with it.
CREATE TABLE public.blocks (
  blocker_uuid UUID NOT NULL REFERENCES public.users (uuid) ON DELETE CASCADE,
  blocked_uuid UUID NOT NULL REFERENCES public.users (uuid) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (blocker_uuid, blocked_uuid),
  CHECK (blocker_uuid <> blocked_uuid)
);
