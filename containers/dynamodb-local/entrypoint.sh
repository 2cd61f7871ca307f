#!/bin/sh
# The official image runs "java <CMD>" with CMD "-jar DynamoDBLocal.jar ...": accept that form too.
set -e
if [ "$1" = "-jar" ]; then
  shift 2
fi
exec java -Dsqlite4java.library.path=/opt/dynamodb-local/native -cp '/opt/dynamodb-local/lib/*' \
  com.amazonaws.services.dynamodbv2.local.main.ServerRunner "$@"
