-- What each refund gave back per order line (SKU), so that across every return of one order a line never gets back
-- more than was paid for it. Written with the refund instruction, in the same transaction; a reship moves no money.
CREATE TABLE refund_ledger (
    case_id      VARCHAR(40)    NOT NULL REFERENCES return_case (case_id),
    marketplace  VARCHAR(64)    NOT NULL,
    order_id     VARCHAR(128)   NOT NULL,
    sku          VARCHAR(128)   NOT NULL,
    amount       NUMERIC(14, 4) NOT NULL,
    currency     CHAR(3)        NOT NULL,
    PRIMARY KEY (case_id, sku)
);
CREATE INDEX refund_ledger_order ON refund_ledger (marketplace, order_id);
