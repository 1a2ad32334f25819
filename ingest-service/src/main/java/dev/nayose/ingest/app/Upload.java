package dev.nayose.ingest.app;

import java.time.Instant;
import java.util.UUID;

/**
 * An upload as ingest-service sees it.
 *
 * @param state {@code RECEIVING} while being stored, then {@code RECEIVED} and the later states
 *     of the pipeline
 * @param byteSize bytes stored; null while {@code RECEIVING}
 * @param sha256 lower-case hex SHA-256 of the stored bytes; null while {@code RECEIVING}
 * @param fileName the partner's file name, if given
 */
public record Upload(UUID uploadId, String partnerId, String state, Long byteSize, String sha256,
    Instant receivedAt, String fileName) {}
