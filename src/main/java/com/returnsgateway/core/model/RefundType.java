package com.returnsgateway.core.model;

public enum RefundType {
    FULL,
    PARTIAL
}
