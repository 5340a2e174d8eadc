package com.returnsgateway.model;

public enum RefundType {
    FULL,
    PARTIAL
}
