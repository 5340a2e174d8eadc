-- Following the return parcel: which refund moment was reached and acted on, and the 4PX returns service (GRS) RMA
-- forecast for it when its forwarder names a return warehouse (gateway.forwarders.<code>.4px.returns-warehouse).
ALTER TABLE return_parcel
    ADD COLUMN refund_moment   VARCHAR(16),
    ADD COLUMN refund_at       TIMESTAMPTZ,
    ADD COLUMN rma_forwarder   VARCHAR(40),
    ADD COLUMN rma_no          VARCHAR(64),
    ADD COLUMN rma_status      VARCHAR(32),
    ADD COLUMN rma_checked_at  TIMESTAMPTZ;
