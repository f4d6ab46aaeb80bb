/**
 * AWS Lambda practices: practice 24, functions on supported runtimes, judged against the runtime
 * list in {@code practices/lambda-runtimes.json}.
 */
package io.compliancestreams.streams.practices.lambda;
