/**
 * The stream consumer: a driving adapter that turns the {@code cruddur-messages} table's DynamoDB Streams records
 * into calls of the domain's projection ports ({@code ProjectMessageUseCase}, {@code ProjectReadMarkersUseCase}).
 * {@code MessageProjector} is its one code path; {@code StreamPoller} (in process, composed by app) and
 * {@code StreamLambdaHandler} (AWS Lambda, composed by stream-lambda) are its two runners. It sees the domain's ports
 * and model and the adapters' support, never a use-case class and never the store's adapter: what it reads off an
 * image ({@code StreamImages}) is the table's item layout, which the store writes.
 */
package com.cruddur.messaging.adapter.stream;
