package io.flipside.pipeline;

/** The Flipside version from the jar manifest, or "dev" when running from classes. */
public final class Version {
    private Version() {
    }

    public static String flipside() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
