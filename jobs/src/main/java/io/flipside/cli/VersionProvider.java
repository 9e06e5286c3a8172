package io.flipside.cli;

import io.flipside.pipeline.Version;
import picocli.CommandLine.IVersionProvider;

final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"flipside " + Version.flipside()};
    }
}
