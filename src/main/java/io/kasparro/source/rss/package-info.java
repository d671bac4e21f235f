/** RSS and Atom feeds (Rome): news items since the newest publication time already held. */
package io.kasparro.source.rss;
