package com.returnsgateway.core.model;

public record ReturnItem(String sku, String title, int quantity, Money unitPrice) {

    public Money total() {
        return unitPrice.times(quantity);
    }
}
