package io.kasparro.identity;

import io.kasparro.web.BadParameterException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /assets/corrections}: an operator links or splits an alias (needs the API key). */
@RestController
@Tag(name = "Assets", description = "Canonical assets, their ids at every source, consensus price")
class IdentityCorrectionsController {

  private final IdentityCorrections corrections;

  IdentityCorrectionsController(IdentityCorrections corrections) {
    this.corrections = corrections;
  }

  /**
   * A correction request.
   *
   * @param action {@code link} (the id joins the asset of {@code to_source}/{@code
   *     to_source_asset_id}) or {@code split} (the id gets an asset of its own)
   * @param source the source of the id to correct
   * @param sourceAssetId the id to correct
   * @param toSource for a link, the other source
   * @param toSourceAssetId for a link, the other source's id
   * @param madeBy who makes the correction
   * @param reason why
   */
  record CorrectionRequest(
      String action,
      String source,
      String sourceAssetId,
      String toSource,
      String toSourceAssetId,
      String madeBy,
      String reason) {}

  @PostMapping("/assets/corrections")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Link an alias to another asset, or split it off",
      description =
          "Moves the id's quotes to its new asset, marks its alias 'operator' and records who,"
              + " when and why. Needs X-API-Key.")
  @ApiResponse(
      responseCode = "201",
      description = "Corrected and recorded",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = IdentityCorrections.Correction.class),
              examples =
                  @ExampleObject(
                      value =
                          """
                          {"correction_id": 3, "action": "link", "source": "coinpaprika",
                           "source_asset_id": "egld-elrond", "from_asset_id": 412,
                           "to_asset_id": 77, "quotes_moved": 96, "made_by": "ops@example.org",
                           "made_at": "2026-11-20T12:00:00Z",
                           "reason": "Elrond was renamed MultiversX"}
                          """)))
  IdentityCorrections.Correction correct(@RequestBody CorrectionRequest body) {
    if (body == null) {
      throw new BadParameterException("action", "a JSON body with action, source, ... is required");
    }
    String source = required("source", body.source());
    String id = required("source_asset_id", body.sourceAssetId());
    String madeBy = required("made_by", body.madeBy());
    String reason = required("reason", body.reason());
    return switch (required("action", body.action())) {
      case "link" ->
          corrections.link(
              source,
              id,
              required("to_source", body.toSource()),
              required("to_source_asset_id", body.toSourceAssetId()),
              madeBy,
              reason);
      case "split" -> corrections.split(source, id, madeBy, reason);
      default -> throw new BadParameterException("action", "action is 'link' or 'split'");
    };
  }

  private static String required(String parameter, String value) {
    if (value == null || value.isBlank()) {
      throw new BadParameterException(parameter, parameter + " is required");
    }
    return value.strip();
  }
}
