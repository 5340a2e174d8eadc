package com.returnsgateway.sandbox.amazon;

import org.springframework.stereotype.Component;

import com.returnsgateway.sandbox.SandboxEnabled;

/**
 * What getOrder answers for an order Amazon does not know: 404 NotFound (the default) or 400 InvalidInput naming the
 * order id, as the Orders API v0 model lists both for getOrder. Set by {@code sandbox.amazon.unknown-order-status}
 * and changed at run time by the sandbox control; a simulator reset goes back to the setting.
 */
@Component
@SandboxEnabled
public class UnknownOrderAnswer {

    private final int configured;
    private volatile int status;

    public UnknownOrderAnswer(AmazonSimulatorProperties properties) {
        this.configured = check(properties.getUnknownOrderStatus(), "sandbox.amazon.unknown-order-status");
        this.status = configured;
    }

    private static int check(int status, String what) {
        if (status != 400 && status != 404) {
            throw new IllegalArgumentException(what + " is " + status + "; it must be 404 (NotFound) or 400 "
                    + "(InvalidInput)");
        }
        return status;
    }

    /** The refusal of getOrder for this order id. */
    SpApiException refusal(String orderId) {
        // the wording of Amazon's 400 is unconfirmed; it names the order id, which is what a client can go by
        return status == 400 ? SpApiException.invalidInput("Invalid AmazonOrderId: " + orderId)
                : SpApiException.notFound("Order " + orderId + " not found.");
    }

    public int status() {
        return status;
    }

    /** Control: 404 or 400 from now on; anything else is 400 InvalidInput. */
    public void set(int status) {
        if (status != 400 && status != 404) {
            throw SpApiException.invalidInput("status must be 404 (NotFound) or 400 (InvalidInput): " + status);
        }
        this.status = status;
    }

    public void reset() {
        status = configured;
    }
}
