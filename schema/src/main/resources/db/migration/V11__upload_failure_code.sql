-- Every file a partner sends is read, or refused with a reason (issue 11): beside the sentence a
-- person reads (failure_reason), the code a partner's program reads (intake's FileProblem:
-- EMPTY_FILE, UNSUPPORTED_FORMAT, ENCODING_MISMATCH, LIMIT_EXCEEDED, ...; NOT_RECEIVED when the
-- body never arrived whole). Null for uploads that did not fail, and for those failed before it.
alter table upload add column failure_code text;
