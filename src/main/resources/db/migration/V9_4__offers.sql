-- A partial refund offered to a buyer who may keep a delivered item (decide-delivered): one per case. The nonce is in
-- the signed accept/decline links; answered_at set once makes every link of the offer used.
CREATE TABLE offer (
    case_id     VARCHAR(40)   PRIMARY KEY REFERENCES return_case (case_id),
    amount      NUMERIC(19,4) NOT NULL,
    currency    CHAR(3)       NOT NULL,
    nonce       VARCHAR(64)   NOT NULL,
    offered_at  TIMESTAMPTZ   NOT NULL,
    expires_at  TIMESTAMPTZ   NOT NULL,
    answered_at TIMESTAMPTZ,
    answer      VARCHAR(16)   CHECK (answer IN ('ACCEPTED', 'DECLINED', 'EXPIRED')),
    CONSTRAINT offer_answered CHECK ((answered_at IS NULL) = (answer IS NULL))
);
CREATE INDEX offer_open ON offer (expires_at) WHERE answered_at IS NULL;
