-- Handles are unique whatever their case, and a Cognito user is one user. The original enforced
-- neither and seeded the placeholder 'MOCK' for users who had not signed up; those placeholders
-- become NULL (not signed up yet), which the unique index allows many times.
ALTER TABLE public.users ALTER COLUMN cognito_user_id DROP NOT NULL;

UPDATE public.users SET cognito_user_id = NULL WHERE cognito_user_id IN ('', 'MOCK');

DO $$
DECLARE
  clashes text;
BEGIN
  SELECT string_agg(key, ', ') INTO clashes
  FROM (SELECT lower(handle) AS key FROM public.users GROUP BY lower(handle) HAVING count(*) > 1) AS duplicated;
  IF clashes IS NOT NULL THEN
    RAISE EXCEPTION 'public.users has handles that differ only in case (%); rename them, then migrate again', clashes;
  END IF;
  SELECT string_agg(cognito_user_id, ', ') INTO clashes
  FROM (SELECT cognito_user_id FROM public.users WHERE cognito_user_id IS NOT NULL
        GROUP BY cognito_user_id HAVING count(*) > 1) AS duplicated;
  IF clashes IS NOT NULL THEN
    RAISE EXCEPTION 'public.users has cognito_user_id values shared by several users (%); fix them, then migrate again', clashes;
  END IF;
END $$;

CREATE UNIQUE INDEX IF NOT EXISTS users_handle_lower_key ON public.users (lower(handle));
CREATE UNIQUE INDEX IF NOT EXISTS users_cognito_user_id_key ON public.users (cognito_user_id);
