package org.vertebra.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class FrameServiceTest {

    /** Stands in for the database: counts each read, and answers what it holds now. */
    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicReference<String> title = new AtomicReference<>("Harbour Spine Clinic");
    private final AtomicReference<List<SiteMenus.Item>> menu =
            new AtomicReference<>(List.of(new SiteMenus.Item("Home", "/", List.of())));
    private final SiteMenus menus = new SiteMenus() {
        @Override
        public List<Item> primaryMenu() {
            reads.incrementAndGet();
            return menu.get();
        }

        @Override
        public List<Item> categoryMenu() {
            reads.incrementAndGet();
            return List.of();
        }
    };
    private final FrameService frames = new FrameService(() -> {
        reads.incrementAndGet();
        return new SiteIdentity(title.get(), null, null);
    }, "https://clinic.example", menus, () -> {
        reads.incrementAndGet();
        return List.of();
    }, Clock.fixed(Instant.parse("2026-12-07T00:00:00Z"), ZoneOffset.UTC));

    @Test
    void framesReadTheDatabaseOnceUntilContentChanges() {
        frames.frame("Search", null, "/search/?q=knee");
        int afterFirst = reads.get();

        for (int i = 0; i < 5; i++) {
            frames.frame("Search", null, "/search/?q=hip");
        }
        assertThat(frames.siteTitle()).isEqualTo("Harbour Spine Clinic");

        assertThat(afterFirst).isEqualTo(4); // identity, two menus, sidebar
        assertThat(reads.get()).isEqualTo(afterFirst);
    }

    @Test
    void aContentChangeShowsTheNewTitleAndMenuInTheNextFrame() {
        assertThat(frames.frame("Search", null, "/search/").siteTitle()).isEqualTo("Harbour Spine Clinic");

        title.set("Harbour Back Clinic");
        menu.set(List.of(new SiteMenus.Item("Home", "/", List.of()), new SiteMenus.Item("Search", "/search/", List.of())));
        assertThat(frames.frame("Search", null, "/search/").siteTitle()).as("before the change is signalled")
                .isEqualTo("Harbour Spine Clinic");
        frames.contentChanged();

        Frame frame = frames.frame("Search", null, "/search/");
        assertThat(frame.siteTitle()).isEqualTo("Harbour Back Clinic");
        assertThat(frame.primaryMenu()).extracting(MenuLink::label).containsExactly("Home", "Search");
        assertThat(frame.primaryMenu()).filteredOn(MenuLink::current).extracting(MenuLink::label)
                .as("the current item is still marked for each page").containsExactly("Search");
    }
}
