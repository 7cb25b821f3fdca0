package org.vertebra.module;

import java.util.List;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * One feature's part in a person's data rights: what it holds under an email address, as plain
 * values for the JSON export, and erasing it. A feature that keeps such data contributes its source
 * through {@link Feature#personalData()}, and privacy/ answers for all of them; {@link #tables()}
 * names the tables it covers, which a test holds against the live schema so that a new table with
 * an email column cannot be forgotten.
 */
public interface PersonalDataSource {

    /** The key of this source's part in the export, such as {@code comments}. */
    String name();

    /** The tables whose rows about a person this source exports and erases. */
    List<String> tables();

    /** What is held under this address (lists, maps and strings, for JSON); empty when nothing is. */
    Object export(String email);

    /** Erases what is held under this address, in the caller's transaction; returns the rows changed. */
    int erase(String email);

    static PersonalDataSource of(String name, List<String> tables, Function<String, Object> export, ToIntFunction<String> erase) {
        return new PersonalDataSource() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public List<String> tables() {
                return tables;
            }

            @Override
            public Object export(String email) {
                return export.apply(email);
            }

            @Override
            public int erase(String email) {
                return erase.applyAsInt(email);
            }
        };
    }
}
