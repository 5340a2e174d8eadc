package com.returnsgateway.adapter.amazon;

import com.returnsgateway.core.model.Address;
import com.returnsgateway.core.model.Money;
import java.util.List;
import java.util.Optional;

/**
 * What the Orders API told the gateway about an order. Without the restricted (PII) role Amazon leaves out the buyer's
 * email and name and sends only the non-personal parts of the shipping address (city, region, postal code, country),
 * so {@code buyerEmail}, {@code buyerName} and the address's name and lines may be null.
 */
public record AmazonOrder(String orderId, String marketplaceId, String buyerEmail, String buyerName,
                          Address shippingAddress, List<Item> items) {

    public AmazonOrder {
        items = items == null ? List.of() : List.copyOf(items);
    }

    /** One order line; prices are totals for the quantity ordered, as Amazon sends them. Shipping and tax may be null. */
    public record Item(String orderItemId, String sellerSku, String asin, String title, int quantityOrdered,
                       Money itemPrice, Money shippingPrice, Money itemTax) {
    }

    public Optional<Item> itemBySku(String sellerSku) {
        return items.stream().filter(i -> i.sellerSku() != null && i.sellerSku().equals(sellerSku)).findFirst();
    }
}
