package io.flipside.cli;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;

/** Spark and Hadoop are chatty; users see warnings of ours and errors of theirs unless --verbose. */
final class Logging {
    private Logging() {
    }

    private static final String[] NOISY = {"org.apache.spark", "org.apache.hadoop", "org.sparkproject",
        "org.apache.parquet", "org.apache.pdfbox", "io.netty"};

    static void configure(boolean verbose) {
        Configurator.setRootLevel(verbose ? Level.INFO : Level.WARN);
        for (String noisy : NOISY) {
            Configurator.setLevel(noisy, verbose ? Level.INFO : Level.ERROR);
        }
    }
}
