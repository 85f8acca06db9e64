package org.ewea.api.search;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.ewea.api.config.EweaProperties;
import org.ewea.collectors.CollectorsModule;
import org.ewea.collectors.search.ItemIndex;
import org.ewea.collectors.search.SearchAnalyzers;
import org.ewea.collectors.store.ItemRepository;
import org.ewea.methodology.definition.Methodology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * The item search index in {@code $EWEA_DATA_DIR/search-index}: items are indexed as they are stored (a listener of
 * the collectors' {@code ItemsStored} hand-off), and once ready, then every minute, the index is compared with the store and rebuilt
 * from it when the counts differ (a first start on an existing store, items stored by another instance). The same
 * check commits the index every minute (indexing itself only refreshes, which keeps imports fast).
 */
@Configuration(proxyBeanMethods = false)
class SearchConfiguration {

    /** The index, told of every batch of items the collectors store. */
    @Bean(destroyMethod = "close")
    ItemIndex itemIndex(
            EweaProperties properties,
            Methodology methodology,
            SearchAnalyzers analyzers,
            CollectorsModule collectors) {
        ItemIndex index = ItemIndex.open(
                properties.dataDir().resolve("search-index"), analyzers, methodology.lexicon(), methodology.taxonomy());
        collectors.whenItemsStored(index::index);
        return index;
    }

    /** The search analyzers of every lexicon language (shared with the exercises' indexes). */
    @Bean
    SearchAnalyzers searchAnalyzers(Methodology methodology) {
        return new SearchAnalyzers(methodology.taxonomy());
    }

    @Bean
    IndexSync indexSync(ItemIndex index, ItemRepository items) {
        return new IndexSync(index, items);
    }

    /** Keeps the index in step with the store. */
    static final class IndexSync implements DisposableBean {

        private static final Logger LOG = LoggerFactory.getLogger(IndexSync.class);

        private final ItemIndex index;
        private final ItemRepository items;
        private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("ewea-search-sync").factory());

        IndexSync(ItemIndex index, ItemRepository items) {
            this.index = index;
            this.items = items;
        }

        @EventListener(ApplicationReadyEvent.class)
        void start() {
            executor.scheduleWithFixedDelay(this::check, 0, 1, TimeUnit.MINUTES);
        }

        void check() {
            try {
                index.commit();
                long stored = items.count();
                long indexed = index.count();
                if (stored != indexed) {
                    long started = System.nanoTime();
                    long rebuilt = index.rebuild(items);
                    LOG.info(
                            "Search index rebuilt from the store: {} items (it held {}) in {} ms",
                            rebuilt,
                            indexed,
                            (System.nanoTime() - started) / 1_000_000);
                }
            } catch (RuntimeException e) {
                LOG.error("Search index check failed; next in a minute", e);
            }
        }

        @Override
        public void destroy() {
            executor.shutdownNow();
        }
    }
}
