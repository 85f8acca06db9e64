package org.ewea.api.store;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * Keeps the data directory private while the service runs: the folder is 700 from the first start (no other account
 * can reach anything in it), and files that the store and the search index create later with the process's umask
 * are set to 600 once the service is up and every few minutes after.
 */
public final class PrivateDataDir implements ApplicationListener<ApplicationReadyEvent>, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PrivateDataDir.class);

    private final Path dataDir;
    private final Duration every;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "ewea-private-data-dir");
        thread.setDaemon(true);
        return thread;
    });

    PrivateDataDir(Path dataDir, Duration every) {
        this.dataDir = dataDir;
        this.every = every;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        tighten();
        timer.scheduleWithFixedDelay(this::tighten, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Sets every folder of the data directory to 700 and every file to 600, now. */
    public void tighten() {
        try {
            PrivateFiles.makePrivate(dataDir);
        } catch (RuntimeException e) {
            LOG.warn("Could not make every file of the data directory {} private: {}", dataDir, e.getMessage());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
