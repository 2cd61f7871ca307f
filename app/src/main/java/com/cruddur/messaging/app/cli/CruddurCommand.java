package com.cruddur.messaging.app.cli;

import io.micronaut.context.annotation.Prototype;
import picocli.CommandLine.Command;

@Prototype
@Command(name = "cruddur-messaging", mixinStandardHelpOptions = true, version = "cruddur-messaging 0.1",
        description = "Maintenance commands of Cruddur Messaging (the original's bin/ scripts).",
        subcommands = {DbCommand.class, DdbCommand.class, CognitoCommand.class, TokenCommand.class})
class CruddurCommand {
}
