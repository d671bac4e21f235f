package io.kasparro.source;

/** What a source's transform produces from one bronze payload. */
public interface SilverRecord {}
