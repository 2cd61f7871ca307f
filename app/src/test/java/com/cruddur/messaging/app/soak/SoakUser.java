package com.cruddur.messaging.app.soak;

import java.util.UUID;

/** One simulated user of the soak: a row of the users table and a dev token for it. */
record SoakUser(int index, UUID uuid, String handle, String token) {
}
