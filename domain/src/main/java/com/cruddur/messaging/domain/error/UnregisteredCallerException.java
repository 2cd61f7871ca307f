package com.cruddur.messaging.domain.error;

import com.cruddur.messaging.domain.model.CognitoUserId;

/** An authenticated caller whose Cognito id is not in the user directory. */
public final class UnregisteredCallerException extends MessagingException {
    public UnregisteredCallerException(CognitoUserId caller) {
        super("no registered user has cognito id " + caller);
    }
}
