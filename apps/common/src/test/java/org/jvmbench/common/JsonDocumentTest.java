package org.jvmbench.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class JsonDocumentTest {

    @Test
    void sameItemCountGivesAnEqualDocument() {
        assertThat(JsonDocument.generate(100)).isEqualTo(JsonDocument.generate(100));
    }

    @Test
    void documentHasTheRequestedItemsNumberedFromOne() {
        JsonDocument document = JsonDocument.generate(25);

        assertThat(document.count()).isEqualTo(25);
        assertThat(document.items()).hasSize(25);
        assertThat(document.items().getFirst().id()).isEqualTo(1);
        assertThat(document.items().getLast().id()).isEqualTo(25);
    }

    @Test
    void firstItemIsLockedAcrossRunsAndMachines() {
        assertThat(JsonDocument.generate(1).items().getFirst()).isEqualTo(new JsonDocument.Item(
                1, "coral-widget-1", 18.35, 18, 330.3, 181.742, List.of("limited", "premium", "new")));
        assertThat(JsonDocument.generate(10).checksum()).isEqualTo("23cb77323308f147");
    }

    @Test
    void totalIsPriceTimesQuantityToTheCent() {
        for (JsonDocument.Item item : JsonDocument.generate(1000).items()) {
            assertThat(Math.round(item.total() * 100))
                    .isEqualTo(Math.round(item.price() * 100) * item.quantity());
        }
    }

    @Test
    void checksumChangesWithTheItems() {
        assertThat(JsonDocument.generate(10).checksum()).isNotEqualTo(JsonDocument.generate(11).checksum());
    }
}
