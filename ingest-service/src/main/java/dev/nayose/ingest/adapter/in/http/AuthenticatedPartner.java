package dev.nayose.ingest.adapter.in.http;

/** The partner whose API key came with the request; set by {@link ApiKeyFilter}. */
record AuthenticatedPartner(String id) {}
