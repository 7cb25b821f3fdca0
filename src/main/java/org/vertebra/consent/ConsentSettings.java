package org.vertebra.consent;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vertebra.data.ContentChanges;
import org.vertebra.data.Transactor;
import org.vertebra.form.Invalid;
import org.vertebra.layout.ConsentBanner;

/**
 * The consent policy as the site owner keeps it in the admin: the owner's cookies, services and
 * optional scripts, and the policy's version. Each change is one transaction with the content
 * counter, so every server takes it in with its page cache ({@link #refresh()} on each content
 * change). A change that brings something new to an optional category raises the version in the
 * same transaction, so every visitor is asked again (docs/decisions.md, "Consent in the admin").
 */
public final class ConsentSettings {

    private static final Logger LOG = LoggerFactory.getLogger(ConsentSettings.class);

    /** What the admin shows: the version and the owner's entries and scripts, with their ids. */
    public record Stored(int version, List<OwnerEntry> entries, List<OptionalScript> scripts) {
    }

    /** What a save did: the policy's version after it, and whether the save raised it. */
    public record Saved(int version, boolean askedAgain) {
    }

    /** The policy every page shows, with the banner made from it once rather than per page. */
    private record Current(ConsentPolicy policy, ConsentBanner banner) {
    }

    private final ConsentSettingsRepository store;
    private final List<CookieEntry> builtIn;
    private final Transactor transactor;
    private final ContentChanges changes;
    private final Clock clock;
    private volatile Current current;

    /**
     * @param builtIn the cookies and outside services Vertebra's own features set, which every policy
     *                lists and the site owner sees but cannot change
     */
    public ConsentSettings(Jdbi jdbi, Transactor transactor, ContentChanges changes, List<CookieEntry> builtIn, Clock clock) {
        this.store = new ConsentSettingsRepository(jdbi);
        this.builtIn = List.copyOf(builtIn);
        this.transactor = transactor;
        this.changes = changes;
        this.clock = clock;
    }

    /**
     * Sets the policy up on the first start: from {@code DATA/consent.json} when the site has one
     * (the way older sites kept it), or the built-in policy. Later starts leave the settings, and
     * the file, alone; several servers starting at once set it up once.
     */
    public ConsentSettings setUp(Path dataDir) {
        if (store.version().isEmpty()) {
            Optional<ConsentFile> file = ConsentFile.read(dataDir);
            boolean imported = transactor.inTransaction(() -> {
                if (!store.claim(file.map(ConsentFile::version).orElse(1), file.isPresent() ? "file" : "default", clock.instant())) {
                    return false;
                }
                file.ifPresent(f -> {
                    f.entries().stream().filter(e -> !e.namesOneOf(builtIn)).forEach(e -> store.addEntry(e, clock.instant()));
                    f.scripts().forEach(s -> store.addScript(s, clock.instant()));
                });
                changes.bump();
                return file.isPresent();
            });
            if (imported) {
                LOG.info("imported the consent policy from {} into the database; it is managed at /admin/privacy/consent/settings/ "
                        + "from now on and the file is no longer read", dataDir.resolve(ConsentPolicy.FILE_NAME));
            }
        }
        refresh();
        return this;
    }

    /** The policy in force on this server, as last read. */
    public ConsentPolicy policy() {
        return current().policy();
    }

    /** The banner and manage dialog every page carries, made from {@link #policy()}. */
    public ConsentBanner banner() {
        return current().banner();
    }

    /** Reads the policy from the database again: on every content change, wherever it was made. */
    public ConsentPolicy refresh() {
        Stored stored = transactor.inTransaction(this::stored);
        List<CookieEntry> cookies = new ArrayList<>(builtIn);
        stored.entries().forEach(e -> cookies.add(e.cookie()));
        ConsentPolicy policy = new ConsentPolicy(stored.version(), cookies, stored.scripts());
        current = new Current(policy, ConsentViews.banner(policy));
        return policy;
    }

    public Stored stored() {
        return new Stored(store.version().orElse(1), store.entries(), store.scripts());
    }

    public Optional<OwnerEntry> entry(long id) {
        return store.entry(id);
    }

    public Optional<OptionalScript> script(long id) {
        return store.script(id);
    }

    /** What Vertebra's own features set, which the site owner sees but cannot change. */
    public List<CookieEntry> builtIn() {
        return builtIn;
    }

    public Saved addEntry(EntryChange change) {
        refuseBuiltIn(change);
        return save(change.needsNewConsent(null), () -> store.addEntry(change, clock.instant()));
    }

    public Saved updateEntry(long id, EntryChange change) {
        refuseBuiltIn(change);
        return transactor.inTransaction(() -> {
            OwnerEntry before = store.entry(id).orElseThrow(() -> Invalid.of(null, "This entry was removed meanwhile."));
            return save(change.needsNewConsent(before.change()), () -> store.updateEntry(id, change));
        });
    }

    private void refuseBuiltIn(EntryChange change) {
        if (change.namesOneOf(builtIn)) {
            throw Invalid.of("name", change.name() + " is set by Vertebra itself and is already listed; give your own cookie or service.");
        }
    }

    /** Removing takes nothing new from a visitor, so the version stays (the owner may still ask again). */
    public Saved removeEntry(long id) {
        return save(false, () -> store.removeEntry(id));
    }

    public Saved addScript(ScriptChange change) {
        return save(true, () -> store.addScript(change, clock.instant()));
    }

    public Saved updateScript(long id, ScriptChange change) {
        return transactor.inTransaction(() -> {
            OptionalScript before = store.script(id).orElseThrow(() -> Invalid.of(null, "This script was removed meanwhile."));
            return save(change.needsNewConsent(before.change()), () -> store.updateScript(id, change));
        });
    }

    public Saved removeScript(long id) {
        return save(false, () -> store.removeScript(id));
    }

    /** Raises the version with nothing else changed: every visitor's earlier choice counts as none and the banner asks again. */
    public Saved askAgain() {
        return save(true, () -> { });
    }

    private Saved save(boolean askAgain, Runnable change) {
        return transactor.inTransaction(() -> {
            change.run();
            int version = askAgain ? store.raiseVersion(clock.instant()) : store.version().orElseThrow();
            changes.bump();
            return new Saved(version, askAgain);
        });
    }

    private Current current() {
        Current now = current;
        if (now == null) {
            throw new IllegalStateException("the consent settings are not set up yet (setUp at start)");
        }
        return now;
    }
}
