package org.vertebra.language;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The message bundles: the shipped ones on the classpath ({@code messages/messages_en.properties},
 * {@code messages_es.properties}) and any a site drops into its data folder's {@code messages/}
 * folder, which add a language or change shipped texts key by key. Files are UTF-8.
 * A language is looked up from the most specific tag: "es-MX", then "es", then English.
 */
public final class MessageBundles {

    /** The languages whose bundles ship complete: a test finds every key in each. */
    public static final List<Language> SHIPPED = List.of(Language.ENGLISH, new Language("es"));

    private final Path siteFolder;
    private final Map<String, Messages> loaded = new ConcurrentHashMap<>();
    private final Messages english;

    /** @param siteFolder the data folder's messages/ folder; it need not exist */
    public MessageBundles(Path siteFolder) {
        this.siteFolder = siteFolder;
        this.english = new Messages(Language.ENGLISH, texts("en"), null);
    }

    /** The shipped bundles alone, for tests and tools that have no data folder. */
    public static MessageBundles shipped() {
        return new MessageBundles(null);
    }

    /** The interface text for this language, falling back to its base language and then to English. */
    public Messages of(Language lang) {
        return loaded.computeIfAbsent(lang.tag(), tag -> load(lang));
    }

    /** Whether a shipped or site bundle exists for this language (or its base language). */
    public boolean speaks(Language lang) {
        return !texts(lang.tag()).isEmpty() || !texts(lang.base()).isEmpty();
    }

    private Messages load(Language lang) {
        if (lang.tag().equals("en")) {
            return english;
        }
        Map<String, String> texts = new HashMap<>();
        if (!lang.base().equals("en")) {
            texts.putAll(texts(lang.base()));
        } else {
            texts.putAll(english.keys().stream().collect(java.util.stream.Collectors.toMap(k -> k, english::get)));
        }
        if (!lang.tag().equals(lang.base())) {
            texts.putAll(texts(lang.tag()));
        }
        return new Messages(lang, texts, english);
    }

    /** The shipped texts of one tag, with the site's file for it laid over them. */
    private Map<String, String> texts(String tag) {
        Map<String, String> texts = new HashMap<>();
        String name = "messages_" + tag.replace('-', '_') + ".properties";
        try (InputStream shipped = MessageBundles.class.getResourceAsStream("/messages/" + name)) {
            if (shipped != null) {
                read(new InputStreamReader(shipped, StandardCharsets.UTF_8), texts);
            }
            if (siteFolder != null && Files.isRegularFile(siteFolder.resolve(name))) {
                try (Reader own = Files.newBufferedReader(siteFolder.resolve(name), StandardCharsets.UTF_8)) {
                    read(own, texts);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the message bundle " + name, e);
        }
        return texts;
    }

    private static void read(Reader reader, Map<String, String> into) throws IOException {
        Properties properties = new Properties();
        properties.load(reader);
        properties.forEach((key, value) -> into.put((String) key, (String) value));
    }
}
