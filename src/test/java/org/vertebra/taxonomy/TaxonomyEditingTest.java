package org.vertebra.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vertebra.form.Invalid;
import org.vertebra.support.TestClock;
import org.vertebra.support.TestDatabase;
import org.vertebra.support.TestSite;

/** The menu and category services on each database the site runs on (V5's columns and tables included). */
class TaxonomyEditingTest {

    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void menusNestOneLevelReorderAndPromoteChildrenWhenTheirParentGoes(TestDatabase kind) {
        try (TestSite test = TestSite.open(kind, temp, TestClock.at("2025-03-01T09:00:00Z"))) {
            MenuService menus = test.site().menus;
            long version = test.site().changes.current();
            menus.add("primary", MenuLinkChange.parse("Care", "/care/", "", ""));
            long care = id(menus.tree("primary"), "Care");
            menus.add("primary", MenuLinkChange.parse("Knee", "/care/knee/", "", String.valueOf(care)));
            menus.add("primary", MenuLinkChange.parse("Hip", "/care/hip/", "", String.valueOf(care)));
            menus.add("primary", MenuLinkChange.parse("Map", "https://maps.example.org/clinic", "", ""));

            assertThat(labels(menus.tree("primary"))).containsExactly("Home", "Care", "Map");
            assertThat(labels(menus.tree("primary").get(1).children())).containsExactly("Knee", "Hip");
            menus.move(id(menus.tree("primary").get(1).children(), "Hip"), -1);
            menus.move(id(menus.tree("primary"), "Home"), -1); // already first: stays
            menus.move(id(menus.tree("primary"), "Home"), 1);
            assertThat(labels(menus.tree("primary"))).containsExactly("Care", "Home", "Map");
            assertThat(labels(menus.tree("primary").get(0).children())).containsExactly("Hip", "Knee");

            long knee = id(menus.tree("primary").get(0).children(), "Knee");
            assertThatThrownBy(() -> menus.update(care, MenuLinkChange.parse("Care", "/care/", "", String.valueOf(id(menus.tree("primary"), "Map")))))
                    .isInstanceOf(Invalid.class).hasMessageContaining("nest one level");
            assertThatThrownBy(() -> menus.add("primary", MenuLinkChange.parse("Deeper", "/deeper/", "", String.valueOf(knee))))
                    .isInstanceOf(Invalid.class).hasMessageContaining("top-level");
            assertThatThrownBy(() -> menus.add("categories", MenuLinkChange.parse("Elsewhere", "/x/", "", String.valueOf(care))))
                    .isInstanceOf(Invalid.class);

            menus.remove(care);
            assertThat(labels(menus.tree("primary"))).containsExactly("Hip", "Knee", "Home", "Map");
            assertThat(test.site().changes.current()).isEqualTo(version + 8);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void renamingACategoryKeepsItsOldAddressesAndItsMenuLinkFollows(TestDatabase kind) {
        try (TestSite test = TestSite.open(kind, temp, TestClock.at("2025-03-01T09:00:00Z"))) {
            CategoryService categories = test.site().categories;
            TaxonomyService taxonomy = test.site().taxonomy;
            Category hand = categories.add(CategoryChange.parse("Hand", "", "Fingers and wrist."));
            test.site().menus.add("primary", MenuLinkChange.parse("", "", String.valueOf(hand.id()), ""));

            categories.update(hand.id(), CategoryChange.parse("Hand and Wrist", "hand-wrist", ""));
            categories.update(hand.id(), CategoryChange.parse("Hand Surgery", "hand-surgery", null));

            assertThat(taxonomy.category("hand")).isEmpty();
            assertThat(taxonomy.categoryRenamedTo("hand")).contains("hand-surgery");
            assertThat(taxonomy.categoryRenamedTo("hand-wrist")).contains("hand-surgery");
            assertThat(taxonomy.category("hand-surgery").orElseThrow().description()).isNull();
            for (String menu : MenuService.MENUS) {
                assertThat(taxonomy.menu(menu)).extracting(MenuEntry::label, MenuEntry::url)
                        .contains(org.assertj.core.groups.Tuple.tuple("Hand Surgery", "/category/hand-surgery/"));
            }
            // Taking a slug back makes it the category's own again, not a redirect.
            categories.update(hand.id(), CategoryChange.parse("Hand", "hand", null));
            assertThat(taxonomy.categoryRenamedTo("hand")).isEmpty();
            assertThat(taxonomy.categoryRenamedTo("hand-surgery")).contains("hand");

            Category used = taxonomy.ensureCategories(List.of("Spine")).get(0);
            test.site().database.jdbi().useHandle(h -> h.execute("""
                    INSERT INTO articles (kind, slug, title, body_md, body_html, toc_json, plain_text, status, published_at,
                    created_at, modified_at) VALUES ('post', 'a', 'A', '', '', '[]', '', 'published', 0, 0, 0)"""));
            long article = test.site().database.jdbi().withHandle(h -> h.createQuery("SELECT id FROM articles").mapTo(Long.class).one());
            taxonomy.assign(article, List.of(used), List.of());
            assertThatThrownBy(() -> categories.delete(used.id())).isInstanceOf(Invalid.class).hasMessageContaining("1 article");
            categories.delete(hand.id());
            assertThat(taxonomy.category("hand")).isEmpty();
            assertThat(taxonomy.categoryRenamedTo("hand-surgery")).isEmpty();
            assertThat(taxonomy.menu("categories")).extracting(MenuEntry::label).containsExactly("Spine");
        }
    }

    private static List<String> labels(List<MenuEntry> items) {
        return items.stream().map(MenuEntry::label).toList();
    }

    private static long id(List<MenuEntry> items, String label) {
        return items.stream().filter(i -> i.label().equals(label)).findFirst().orElseThrow().id();
    }
}
