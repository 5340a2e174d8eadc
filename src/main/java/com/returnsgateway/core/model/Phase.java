package com.returnsgateway.core.model;

/** Who a case is waiting on: the gateway (ACTIVE), someone outside (WAITING), or no one (DONE). */
public enum Phase {
    ACTIVE,
    WAITING,
    DONE
}
