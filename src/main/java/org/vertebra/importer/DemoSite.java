package org.vertebra.importer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.vertebra.author.Author;
import org.vertebra.author.AuthorService;
import org.vertebra.consult.DoctorAgenda;
import org.vertebra.consult.WeeklyHours;
import org.vertebra.data.Transactor;
import org.vertebra.media.MediaLibrary;
import org.vertebra.taxonomy.MenuItem;
import org.vertebra.taxonomy.TaxonomyService;
import org.vertebra.web.ClasspathFolder;

/**
 * The demo site loaded on first run: two fictional authors, the site's pages and original demo
 * articles (src/main/resources/demo), imported through the same importer that users run.
 */
public final class DemoSite {

    static final List<String> CATEGORIES = List.of(
            "General Ortho", "Procedures", "Spine", "Upper Limb", "Lower Limb", "Pain", "Trauma", "Tumors", "Wellness");

    private static final List<MenuItem> PRIMARY_MENU = List.of(
            new MenuItem("TeleConsult", "/teleconsult/"),
            new MenuItem("About", "/about/"),
            new MenuItem("Newsletter/Updates", "/newsletter/"),
            new MenuItem("Contact Us", "/contact/"),
            new MenuItem("Policies", "/policies/"));

    private final MarkdownImporter importer;
    private final AuthorService authors;
    private final TaxonomyService taxonomy;
    private final MediaLibrary media;
    private final Transactor transactor;
    private final DoctorAgenda consult;

    public DemoSite(MarkdownImporter importer, AuthorService authors, TaxonomyService taxonomy, MediaLibrary media,
                    Transactor transactor, DoctorAgenda consult) {
        this.consult = consult;
        this.importer = importer;
        this.authors = authors;
        this.taxonomy = taxonomy;
        this.media = media;
        this.transactor = transactor;
    }

    public ImportReport load() {
        Path folder = ClasspathFolder.copyOut("/demo", "/demo/authors.yaml", "vertebra-demo");
        try {
            transactor.run(() -> {
                taxonomy.ensureCategories(CATEGORIES);
                PRIMARY_MENU.forEach(item -> taxonomy.addToMenu(TaxonomyService.PRIMARY_MENU, item));
                loadAuthors(folder);
                addDoctor();
            });
            return importer.importPaths(List.of(folder.resolve("pages"), folder.resolve("articles")), true);
        } finally {
            ClasspathFolder.delete(folder);
        }
    }

    @SuppressWarnings("unchecked")
    private void loadAuthors(Path folder) {
        List<Map<String, String>> entries;
        try (InputStream in = Files.newInputStream(folder.resolve("authors.yaml"))) {
            entries = (List<Map<String, String>>) new Load(LoadSettings.builder().build()).loadFromInputStream(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Map<String, String> entry : entries) {
            Author author = authors.ensure(entry.get("name"), entry.get("slug"));
            Long photo = entry.get("photo") == null ? null
                    : media.add(folder.resolve(entry.get("photo")), "Photo of " + entry.get("name")).item().id();
            authors.updateProfile(author.id(), entry.get("credentials"), entry.get("bio"), photo, entry.get("website"));
        }
    }

    /** The first demo author takes video consultations on every weekday, so a visitor can book at once. */
    private void addDoctor() {
        Author author = authors.bySlug("asha-raman").orElseThrow();
        var doctor = consult.addDoctor(author.slug(), author.name(), java.time.ZoneId.of("Europe/London"), 30, null, author.id());
        consult.setHours(doctor.id(), java.util.Arrays.stream(java.time.DayOfWeek.values())
                .filter(d -> d.getValue() <= 5)
                .map(d -> new WeeklyHours(d, java.time.LocalTime.of(9, 0), java.time.LocalTime.of(17, 0))).toList());
    }
}
