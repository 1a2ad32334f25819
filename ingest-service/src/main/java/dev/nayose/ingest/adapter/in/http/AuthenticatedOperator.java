package dev.nayose.ingest.adapter.in.http;

/** The operator whose key came with an admin request; set by {@link OperatorKeyFilter}. */
record AuthenticatedOperator(String name) {}
