package com.returnsgateway.core.label;

import java.time.Instant;
import java.util.List;

import com.returnsgateway.core.model.Address;
import com.returnsgateway.core.model.Buyer;
import com.returnsgateway.core.model.CaseStatus;
import com.returnsgateway.core.model.Money;
import com.returnsgateway.core.model.RefundType;
import com.returnsgateway.core.model.Resolution;
import com.returnsgateway.core.model.ReturnCase;
import com.returnsgateway.core.model.ReturnItem;
import com.returnsgateway.core.model.ReturnRequest;
import com.returnsgateway.core.model.ShipmentRef;
import com.returnsgateway.core.model.ShipmentState;

/** Return cases built by hand, with buyers from the countries the gateway serves. */
public final class LabelFixtures {

    public static final Instant CREATED = Instant.parse("2025-03-14T23:30:00Z");

    private LabelFixtures() {
    }

    public static Buyer japaneseBuyer() {
        return new Buyer("山田太郎", "taro.yamada@example.jp", "ja-JP",
                new Address("山田太郎", "丸の内1-9-1", "グラントウキョウ 3F", "千代田区", "東京都", "100-0005", "JP",
                        "+81 3-1234-5678"));
    }

    public static Buyer chineseBuyer() {
        return new Buyer("王小明", "xiaoming.wang@example.cn", "zh-CN",
                new Address("王小明", "浦东新区世纪大道100号", null, "上海市", "上海市", "200120", "CN", null));
    }

    public static Buyer germanBuyer() {
        return new Buyer("Jürgen Müßig", "juergen@example.de", "de-DE",
                new Address("Jürgen Müßig", "Königstraße 12", "", "Stuttgart", "Baden-Württemberg", "70173", "DE",
                        "+49 711 123456"));
    }

    public static Buyer russianBuyer() {
        return new Buyer("Иван Петров", "ivan@example.ru", "ru-RU",
                new Address("Иван Петров", "ул. Тверская, д. 7, кв. 12", null, "Москва", null, "125009", "RU",
                        null));
    }

    public static Buyer americanBuyer() {
        return new Buyer("Jane Doe", "jane.doe@example.com", "en-US",
                new Address("Jane Doe", "500 Market Street", "Apt 4B", "San Francisco", "CA", "94105", "US", null));
    }

    public static Address usWarehouse() {
        return new Address("Seller Returns Center", "1200 Logistics Way", "Dock 7", "Reno", "NV", "89502", "US",
                "+1 775 555 0100");
    }

    public static ReturnCase returnCase(String caseId, String returnId, Buyer buyer) {
        return returnCase(caseId, returnId, buyer, List.of(
                new ReturnItem("SKU-MUG-01", "Ceramic mug, blue", 2, Money.of("12.50", "EUR")),
                new ReturnItem("SKU-TEE-XL", "T-shirt XL", 1, Money.of("19.90", "EUR"))));
    }

    public static ReturnCase returnCase(String caseId, String returnId, Buyer buyer, List<ReturnItem> items) {
        ReturnRequest request = new ReturnRequest("amazon-de", returnId, "ORD-302-1234567", CREATED.minusSeconds(3600),
                CREATED.minusSeconds(60), Resolution.REFUND, RefundType.FULL, Money.of("44.90", "EUR"),
                "damaged", "The mug arrived broken", buyer, items, new ShipmentRef("4px", "4PX0012345678CN"));
        return new ReturnCase(caseId, request, CaseStatus.AWAITING_RETURN, ShipmentState.DELIVERED, "F", null, null,
                0, null, CREATED, CREATED);
    }
}
