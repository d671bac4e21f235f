package io.kasparro.quotes;

import io.kasparro.web.BadParameterException;
import java.util.Arrays;
import java.util.List;

/**
 * The orders {@code GET /data} can sort by. Each carries its SQL, so no client text ever becomes
 * SQL; each ends on the quote id, so the order is total and keyset pages neither skip nor repeat.
 */
enum QuoteSort {
  LAST_UPDATED_DESC(
      "-last_updated",
      "q.last_updated DESC, q.id DESC",
      "(q.last_updated, q.id) < (CAST(:cursor_value AS timestamptz), :cursor_id)"),
  LAST_UPDATED_ASC(
      "last_updated",
      "q.last_updated ASC, q.id ASC",
      "(q.last_updated, q.id) > (CAST(:cursor_value AS timestamptz), :cursor_id)"),
  PRICE_DESC(
      "-price_usd",
      "q.price_usd DESC, q.id DESC",
      "(q.price_usd, q.id) < (CAST(:cursor_value AS numeric), :cursor_id)"),
  PRICE_ASC(
      "price_usd",
      "q.price_usd ASC, q.id ASC",
      "(q.price_usd, q.id) > (CAST(:cursor_value AS numeric), :cursor_id)");

  static final List<String> NAMES = Arrays.stream(values()).map(QuoteSort::parameter).toList();

  private final String parameter;
  private final String orderBy;
  private final String after;

  QuoteSort(String parameter, String orderBy, String after) {
    this.parameter = parameter;
    this.orderBy = orderBy;
    this.after = after;
  }

  /** The value of the {@code sort} parameter. */
  String parameter() {
    return parameter;
  }

  String orderBy() {
    return orderBy;
  }

  /** The condition selecting rows after the cursor's row in this order. */
  String after() {
    return after;
  }

  /** The sort key of a row, as the cursor stores it. */
  String keyOf(QuoteRow row) {
    return this == PRICE_ASC || this == PRICE_DESC
        ? row.priceUsd().toPlainString()
        : row.lastUpdated().toString();
  }

  static QuoteSort parse(String name, String value) {
    if (value == null) {
      return LAST_UPDATED_DESC;
    }
    return Arrays.stream(values())
        .filter(sort -> sort.parameter.equals(value))
        .findFirst()
        .orElseThrow(
            () ->
                new BadParameterException(
                    name, name + " must be one of " + String.join(", ", NAMES)));
  }
}
