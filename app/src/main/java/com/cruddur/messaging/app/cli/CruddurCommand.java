package com.cruddur.messaging.app.cli;

import io.micronaut.context.annotation.Prototype;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

@Prototype
@Command(name = "cruddur-messaging", mixinStandardHelpOptions = true, version = "cruddur-messaging 0.1",
        description = "Maintenance commands of Cruddur Messaging (the original's bin/ scripts).",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:done", "1:failed for another reason (--verbose shows why)", "64:wrong arguments",
            "69:an engine (DynamoDB, PostgreSQL, Cognito) is unreachable or not set up", "78:not configured here"},
        subcommands = {DbCommand.class, DdbCommand.class, CognitoCommand.class, TokenCommand.class, UsersCommand.class})
class CruddurCommand {
    @Option(names = CommandFailures.VERBOSE, scope = ScopeType.INHERIT, description = "Print the stack trace of a failure.")
    boolean verbose;
}
