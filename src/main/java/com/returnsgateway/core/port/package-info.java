/**
 * The ports: what the core asks of the outside world, named for the business question. Adapters
 * ({@code com.returnsgateway.adapter.*}, one package per protocol) implement them as Spring beans; the core finds the
 * one for an account by its configured {@code type:} ({@link com.returnsgateway.core.port.Forwarders},
 * {@link com.returnsgateway.core.port.Marketplaces}). Adapters that bring work in (a marketplace's returns, a
 * forwarder's status files) call the core's inbound side: {@link com.returnsgateway.core.intake.Intake} and the
 * case steps.
 */
package com.returnsgateway.core.port;
