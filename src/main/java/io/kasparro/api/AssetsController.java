package io.kasparro.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /assets} and {@code GET /assets/{asset_id}}: canonical assets across sources. */
@RestController
class AssetsController {

  private static final int MAX_OFFSET = 10_000_000;

  private final AssetQueries assets;

  AssetsController(AssetQueries assets) {
    this.assets = assets;
  }

  /** A page of assets. */
  record AssetPage(List<AssetView> data, OffsetPagination pagination, ResponseMetadata metadata) {}

  @GetMapping("/assets")
  AssetPage list(
      @RequestParam(required = false) String symbol,
      @RequestParam(required = false) String name,
      @RequestParam(required = false) String limit,
      @RequestParam(required = false) String offset,
      HttpServletRequest request) {
    AssetQueries.Filter filter =
        new AssetQueries.Filter(Params.symbol("symbol", symbol), Params.text("name", name, 100));
    int pageSize = Params.intInRange("limit", limit, 50, 1, 1000);
    int skip = Params.intInRange("offset", offset, 0, 0, MAX_OFFSET);
    List<AssetView> page = assets.page(filter, pageSize, skip);
    return new AssetPage(
        page,
        new OffsetPagination(pageSize, skip, assets.count(filter)),
        ResponseMetadata.of(request));
  }

  @GetMapping("/assets/{asset_id}")
  AssetView one(@PathVariable("asset_id") long assetId) {
    return assets
        .one(assetId)
        .orElseThrow(
            () -> {
              ErrorResponseException notFound = new ErrorResponseException(HttpStatus.NOT_FOUND);
              notFound.setTitle("Asset not found");
              notFound.setDetail("no asset has id " + assetId);
              return notFound;
            });
  }
}
