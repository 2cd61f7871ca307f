-- The original's seed.sql (from the seeds), plus a user who had signed up with Cognito.
INSERT INTO public.users (display_name, email, handle, cognito_user_id)
VALUES
  ('Andrew Brown', 'andrew@exampro.co', 'andrewbrown', 'MOCK'),
  ('Andrew Bayko', 'bayko@exampro.co', 'bayko', 'MOCK'),
  ('Londo Mollari', 'lmollari@centari.com', 'londo', 'MOCK'),
  ('Owen Sound', 'kushbehl@gmail.com', 'owensound', '5cf80e10-104e-4c75-af80-aa88d5811dc9');

INSERT INTO public.activities (user_uuid, message, expires_at)
VALUES
  (
    (SELECT uuid from public.users WHERE users.handle = 'andrewbrown' LIMIT 1),
    'This was imported as seed data!',
    current_timestamp + interval '10 day'
  );
