package org.moneytree.config.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.LogManager;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Keeps libraries that log through {@code java.util.logging} from printing routine news on the terminal, where
 * the command line's output goes: Aries SPI-Fly (which the web console's logging needs) announces every
 * provider it registers at level INFO on every command. Its warnings still show. This runs at start level 3,
 * before SPI-Fly starts; the level stays in the log manager's configuration, so it applies to a logger made
 * later.
 */
@Component(immediate = true, service = {})
public final class QuietLibraryLogging {

    static final String SETTINGS = "org.apache.aries.spifly.level = WARNING\n";

    @Activate
    public QuietLibraryLogging() throws IOException {
        LogManager.getLogManager().updateConfiguration(
                new ByteArrayInputStream(SETTINGS.getBytes(StandardCharsets.ISO_8859_1)),
                key -> (old, added) -> added != null ? added : old);
    }
}
