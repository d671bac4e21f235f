package io.kasparro.source;

import java.time.Instant;

/**
 * A validated news headline from a feed.
 *
 * @param guid the item's key in its feed: its {@code guid} (Atom {@code id}), else its link
 * @param title the headline
 * @param link where the article lives, or null
 * @param publishedAt when it was published (else last updated), or null when the feed does not say
 * @param summary the description as plain text (HTML removed), or null
 */
public record NewsItem(String guid, String title, String link, Instant publishedAt, String summary)
    implements SilverRecord {}
