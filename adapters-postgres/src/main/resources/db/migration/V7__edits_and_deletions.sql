-- A sender edits or deletes their message. A deleted message stays as a tombstone whose text is
-- erased (the check makes a deletion that kept its text impossible).
ALTER TABLE public.messages ADD COLUMN edited_at timestamptz;
ALTER TABLE public.messages ADD COLUMN deleted_at timestamptz;
ALTER TABLE public.messages ADD CONSTRAINT messages_deleted_text_erased CHECK (deleted_at IS NULL OR message = '');

-- A named send's text is kept as a digest (as the DynamoDB claim keeps it) to tell a retry from a reuse of
-- its id once the message itself was edited or deleted. Claims made before have none: their message's text is
-- compared, as before.
ALTER TABLE public.client_message_ids ADD COLUMN text_sha256 text;
