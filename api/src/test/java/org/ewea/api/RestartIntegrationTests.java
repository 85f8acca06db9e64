package org.ewea.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.ewea.collectors.store.ImportLedger;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;

/** Stopping and starting the service on the same data keeps every item and imports nothing twice. */
class RestartIntegrationTests {

    @Test
    void restartKeepsItemsAndImportsNothingTwice() {
        Path data = TestDataDirs.create("restart");
        List<Object> firstIds;
        long firstTotal;
        try (RunningApplication first = RunningApplication.start("ewea.data-dir=" + data)) {
            firstTotal = first.itemTotal();
            firstIds = ids(first);
            assertThat(first.bean(ImportLedger.class).status("ewea-demo")).contains("COMPLETED");
        }
        assertThat(firstTotal).isEqualTo(2748);

        try (RunningApplication second = RunningApplication.start("ewea.data-dir=" + data)) {
            assertThat(second.itemTotal()).isEqualTo(firstTotal);
            assertThat(ids(second)).isEqualTo(firstIds);
        }
    }

    @Test
    void withDemoDisabledAFreshStoreStaysEmpty() {
        Path data = TestDataDirs.create("no-demo");
        try (RunningApplication app = RunningApplication.start("ewea.data-dir=" + data, "ewea.demo-enabled=false")) {
            assertThat(app.itemTotal()).isZero();
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Object> ids(RunningApplication app) {
        Map<String, Object> page = app.client().get().uri("/api/v1/items?size=200&page=3").exchange()
                .expectStatus().isOk().expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody();
        return ((List<Map<String, Object>>) page.get("items")).stream().map(i -> i.get("id")).toList();
    }
}
