-- The lease of a running callback attempt, apart from next_attempt_at (issue: callback fencing).
-- next_attempt_at also holds a retry's backoff, and UploadLedger supersedes a delivery without
-- knowing whether a dispatcher is sending it at that moment. lease_until is set when an attempt is
-- claimed and cleared when that attempt (and only that attempt: fenced by the attempt number)
-- records its outcome, whatever the state meanwhile. A dispatcher does not claim a delivery of an
-- upload while another delivery of the same upload is leased, so a slow POST of an older state
-- cannot arrive after the newer state's.
alter table callback_delivery add column lease_until timestamptz;
