-- The PostgreSQL conversation store: the same model as the DynamoDB items, with the database
-- enforcing what DynamoDB needs conditions for.
CREATE TABLE public.message_groups (
  uuid UUID PRIMARY KEY,
  -- The pair in a fixed order: (a, b) and (b, a) are one pair, and a pair has one group.
  user_low UUID NOT NULL,
  user_high UUID NOT NULL,
  first_user_uuid UUID NOT NULL,
  first_user_handle text NOT NULL,
  first_user_display_name text NOT NULL,
  second_user_uuid UUID NOT NULL,
  second_user_handle text NOT NULL,
  second_user_display_name text NOT NULL,
  created_at timestamptz NOT NULL,
  CONSTRAINT message_groups_one_per_pair UNIQUE (user_low, user_high),
  CONSTRAINT message_groups_two_people CHECK (user_low < user_high)
);

CREATE TABLE public.messages (
  uuid UUID PRIMARY KEY,
  message_group_uuid UUID NOT NULL REFERENCES public.message_groups (uuid),
  user_uuid UUID NOT NULL,
  user_handle text NOT NULL,
  user_display_name text NOT NULL,
  message text NOT NULL,
  created_at timestamptz NOT NULL,
  CONSTRAINT messages_unique_time_in_group UNIQUE (message_group_uuid, created_at)
);

-- One row per member: that member's summary of the group (the DynamoDB GRP# item).
CREATE TABLE public.message_group_summaries (
  message_group_uuid UUID NOT NULL REFERENCES public.message_groups (uuid),
  owner_uuid UUID NOT NULL,
  other_user_uuid UUID NOT NULL,
  other_user_handle text NOT NULL,
  other_user_display_name text NOT NULL,
  last_message text NOT NULL,
  last_message_at timestamptz NOT NULL,
  PRIMARY KEY (message_group_uuid, owner_uuid)
);

CREATE INDEX message_group_summaries_newest_first
  ON public.message_group_summaries (owner_uuid, last_message_at DESC, message_group_uuid DESC);
