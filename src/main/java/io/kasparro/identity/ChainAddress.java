package io.kasparro.identity;

/**
 * A token contract: the chain (the service's own name, from {@code identity/chains.csv}) and the
 * address, normalised so two providers' spellings of one contract are equal.
 */
record ChainAddress(String chain, String address) {}
