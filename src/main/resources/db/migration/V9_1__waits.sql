-- Every wait ends: the timers of a waiting case, stored on the case so that a restart resumes them.
--   wait_kind        what the case waits for, set when it enters a waiting status:
--                      PARCEL_IN_TRANSIT  AWAITING_BUYER: the outbound parcel is on its way; it is asked about again
--                      BUYER_RETURN       AWAITING_RETURN after a return label: the buyer is to send the item back
--                      BACK_TO_SENDER     AWAITING_RETURN: the parcel failed delivery or is coming back by itself
--                    NULL for any other wait (such waits are not swept here).
--   waiting_since    when the case entered that wait; the in-transit limit and the return window count from it.
--   follow_up_at     when the waits sweep looks at the case next (a tracking push sets it to now).
--   reminder_sent_at when the buyer was reminded to send the return (once).
--   limit_task_at    when operations were given the task for a wait past its limit (once): a parcel still moving
--                    after gateway.waits.in-transit-limit, or a parcel coming back to the sender past the window.
--   unreturned_closed_at  when the case was closed because the buyer's return did not come within the window
--                    (for the day's operations summary).
--   parcel_forwarder, parcel_waybill, parcel_last_mile  the outbound parcel as found when the wait began, so that a
--                    status file or a tracking push finds its waiting case whether the request named the parcel or
--                    the order-to-waybill lookup did.
ALTER TABLE return_case
    ADD COLUMN wait_kind            VARCHAR(24),
    ADD COLUMN waiting_since        TIMESTAMPTZ,
    ADD COLUMN follow_up_at         TIMESTAMPTZ,
    ADD COLUMN reminder_sent_at     TIMESTAMPTZ,
    ADD COLUMN limit_task_at        TIMESTAMPTZ,
    ADD COLUMN unreturned_closed_at TIMESTAMPTZ,
    ADD COLUMN parcel_forwarder     VARCHAR(64),
    ADD COLUMN parcel_waybill       VARCHAR(128),
    ADD COLUMN parcel_last_mile     VARCHAR(64);
CREATE INDEX return_case_follow_up ON return_case (follow_up_at) WHERE follow_up_at IS NOT NULL;
CREATE INDEX return_case_parcel_waybill ON return_case (parcel_waybill) WHERE parcel_waybill IS NOT NULL;
CREATE INDEX return_case_parcel_last_mile ON return_case (parcel_last_mile) WHERE parcel_last_mile IS NOT NULL;

-- The day's operations summary: one row per day, inserted by the instance that sends it, so it goes out once a day.
CREATE TABLE waits_summary (
    day      DATE        PRIMARY KEY,
    sent_at  TIMESTAMPTZ NOT NULL
);
