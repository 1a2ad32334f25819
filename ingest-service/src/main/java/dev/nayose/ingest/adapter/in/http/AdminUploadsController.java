package dev.nayose.ingest.adapter.in.http;

import dev.nayose.platform.ledger.UploadLedger;
import dev.nayose.platform.ledger.UploadStatus;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operators' view of any partner's upload: the whole {@link UploadStatus}, with what the
 * partner's view ({@code GET /v1/uploads/{id}}) leaves out: the error class and message of every
 * dead letter, the match workers, the reason a stalled upload was given. Operator keys only
 * ({@link OperatorKeyFilter}); what {@code nayose status} shows, over HTTP.
 */
@RestController
@RequestMapping(path = "/admin/v1/uploads", produces = MediaType.APPLICATION_JSON_VALUE)
@Hidden
class AdminUploadsController {
  private final UploadLedger ledger;

  AdminUploadsController(UploadLedger ledger) {
    this.ledger = ledger;
  }

  @GetMapping("/{uploadId}")
  UploadStatus status(@PathVariable UUID uploadId) {
    return ledger.find(uploadId).orElseThrow(() -> new UploadNotFoundException(uploadId));
  }
}
