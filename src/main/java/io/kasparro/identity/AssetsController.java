package io.kasparro.identity;

import io.kasparro.web.NotFoundException;
import io.kasparro.web.OffsetPagination;
import io.kasparro.web.PageParameters;
import io.kasparro.web.Params;
import io.kasparro.web.ResponseMetadata;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /assets} and {@code GET /assets/{asset_id}}: canonical assets across sources. */
@RestController
class AssetsController implements AssetsApi {

  private final AssetQueries assets;

  AssetsController(AssetQueries assets) {
    this.assets = assets;
  }

  /** A page of assets. */
  record AssetPage(List<AssetView> data, OffsetPagination pagination, ResponseMetadata metadata) {}

  @Override
  @GetMapping("/assets")
  public AssetPage list(
      @RequestParam(required = false) String symbol,
      @RequestParam(required = false) String name,
      PageParameters paging,
      HttpServletRequest request) {
    AssetQueries.Filter filter =
        new AssetQueries.Filter(Params.symbol("symbol", symbol), Params.text("name", name, 100));
    PageParameters.Page page = paging.page();
    return new AssetPage(
        assets.page(filter, page.limit(), page.offset()),
        page.of(assets.count(filter)),
        ResponseMetadata.of(request));
  }

  @Override
  @GetMapping("/assets/{asset_id}")
  public AssetView one(@PathVariable("asset_id") String assetId) {
    long id = Params.id("asset_id", assetId);
    return assets.one(id).orElseThrow(() -> new NotFoundException("no asset has id " + id));
  }
}
