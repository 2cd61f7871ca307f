package com.cruddur.messaging.domain.application.port.in;

import com.cruddur.messaging.domain.model.Profile;

/** The short profile of a user, looked up by handle (e.g. to start a conversation with them). */
public interface ShowShortProfileUseCase {
    Profile showShortProfile(ShortProfileQuery query);
}
