-- Buyers' replies read from the inbox (routes/buyer-replies.camel.yaml), on the case they were matched to. Auto-replies
-- and bounces are kept too, as such. message_key is the Message-ID, or a hash of the raw message when it has none.
CREATE TABLE buyer_reply (
    id              BIGSERIAL    PRIMARY KEY,
    case_id         VARCHAR(40)  NOT NULL REFERENCES return_case (case_id),
    message_key     VARCHAR(512) NOT NULL UNIQUE,
    kind            VARCHAR(16)  NOT NULL,
    sender          VARCHAR(320) NOT NULL,
    subject         TEXT         NOT NULL,
    text            TEXT         NOT NULL,
    tracking_number VARCHAR(64),
    carrier         VARCHAR(32),
    received_at     TIMESTAMPTZ  NOT NULL,
    -- operations were emailed about it (replies only): set once the task went out, so a retry does not send it twice
    task_sent_at    TIMESTAMPTZ
);
CREATE INDEX buyer_reply_case ON buyer_reply (case_id, id);

-- Photos and documents buyers attach; the bytes only up to gateway.inbox.max-attachment-size (content NULL above).
CREATE TABLE buyer_reply_attachment (
    id           BIGSERIAL    PRIMARY KEY,
    reply_id     BIGINT       NOT NULL REFERENCES buyer_reply (id) ON DELETE CASCADE,
    case_id      VARCHAR(40)  NOT NULL REFERENCES return_case (case_id),
    file_name    VARCHAR(255),
    content_type VARCHAR(255) NOT NULL,
    size         BIGINT       NOT NULL,
    content      BYTEA
);
CREATE INDEX buyer_reply_attachment_case ON buyer_reply_attachment (case_id);
