package io.acog.providers.pexels;

/** Replaced by the adapter: only here so the empty module builds. */
public final class Skeleton {
    private Skeleton() {}
}
