package io.kasparro.candles;

import io.kasparro.web.Params;
import io.kasparro.web.ResponseMetadata;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /assets/{asset_id}/candles}: an asset's price history, bucketed per source. */
@RestController
class CandlesController implements CandlesApi {

  private final CandleQueries candles;
  private final Clock clock;

  CandlesController(CandleQueries candles, Clock clock) {
    this.candles = candles;
    this.clock = clock;
  }

  @Override
  @GetMapping("/assets/{asset_id}/candles")
  public CandleSeries candles(
      @PathVariable("asset_id") String assetId,
      @RequestParam(required = false) String interval,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String source,
      HttpServletRequest request) {
    long id = Params.id("asset_id", assetId);
    CandleRange range = CandleRange.parse(interval, from, to, source, clock.instant());
    CandleQueries.Asset asset =
        candles.asset(id).orElseThrow(() -> CandleProblems.notFound("no asset has id " + id));
    List<CandleSeries.Candle> buckets = candles.candles(id, range);
    List<String> sources =
        buckets.stream()
            .flatMap(candle -> candle.sources().stream())
            .map(CandleSeries.SourceCandle::source)
            .distinct()
            .sorted()
            .toList();
    return new CandleSeries(
        id,
        asset.symbol(),
        asset.name(),
        range.interval().label(),
        range.from(),
        range.to(),
        sources,
        buckets,
        ResponseMetadata.of(request));
  }
}
