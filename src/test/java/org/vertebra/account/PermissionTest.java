package org.vertebra.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vertebra.access.AccountRole.ADMIN;
import static org.vertebra.access.AccountRole.AUTHOR;
import static org.vertebra.access.AccountRole.DOCTOR;
import static org.vertebra.access.AccountRole.EDITOR;
import static org.vertebra.access.AccountRole.REVIEWER;

import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vertebra.access.AccountRole;
import org.vertebra.access.Action;
import org.vertebra.access.Permission;
import org.vertebra.access.User;

/** Every role by every action, written out here by hand so that a change to the table shows in review. */
class PermissionTest {

    static final Map<Action, Set<AccountRole>> EXPECTED = new EnumMap<>(Action.class);

    static {
        EXPECTED.put(Action.USE_ADMIN, EnumSet.allOf(AccountRole.class));
        EXPECTED.put(Action.MANAGE_USERS, EnumSet.of(ADMIN));
        EXPECTED.put(Action.WRITE_ARTICLES, EnumSet.of(ADMIN, EDITOR, AUTHOR));
        EXPECTED.put(Action.EDIT_ANY_ARTICLE, EnumSet.of(ADMIN, EDITOR));
        EXPECTED.put(Action.PUBLISH_ARTICLES, EnumSet.of(ADMIN, EDITOR));
        EXPECTED.put(Action.REVIEW_ARTICLES, EnumSet.of(REVIEWER));
        EXPECTED.put(Action.MANAGE_MEDIA, EnumSet.of(ADMIN, EDITOR, AUTHOR));
        EXPECTED.put(Action.DELETE_MEDIA, EnumSet.of(ADMIN, EDITOR));
        EXPECTED.put(Action.MODERATE_COMMENTS, EnumSet.of(ADMIN, EDITOR));
        EXPECTED.put(Action.MANAGE_NEWSLETTER, EnumSet.of(ADMIN, EDITOR));
        EXPECTED.put(Action.READ_MESSAGES, EnumSet.of(ADMIN, EDITOR, DOCTOR));
        EXPECTED.put(Action.CONSULT, EnumSet.of(ADMIN, DOCTOR));
        EXPECTED.put(Action.MANAGE_ALL_CONSULTATIONS, EnumSet.of(ADMIN));
        EXPECTED.put(Action.MANAGE_SETTINGS, EnumSet.of(ADMIN));
        EXPECTED.put(Action.EDIT_AUTHOR_PROFILES, EnumSet.of(ADMIN, EDITOR));
        EXPECTED.put(Action.MANAGE_REDIRECTS, EnumSet.of(ADMIN, EDITOR));
        EXPECTED.put(Action.VIEW_STATISTICS, EnumSet.of(ADMIN, EDITOR));
        EXPECTED.put(Action.MANAGE_PRIVACY, EnumSet.of(ADMIN));
        EXPECTED.put(Action.VIEW_AUDIT_LOG, EnumSet.of(ADMIN));
        EXPECTED.put(Action.PRESCRIBE_READING, EnumSet.of(ADMIN, DOCTOR));
        EXPECTED.put(Action.MANAGE_ALL_READING_LISTS, EnumSet.of(ADMIN));
    }

    @Test
    void everyRoleMayDoExactlyTheActionsOfTheTable() {
        assertThat(EXPECTED.keySet()).as("every action is in this test's table").containsExactlyInAnyOrder(Action.values());
        for (Action action : Action.values()) {
            for (AccountRole role : AccountRole.values()) {
                assertThat(Permission.may(user(1, role, false), action)).as("%s may %s", role, action)
                        .isEqualTo(EXPECTED.get(action).contains(role));
            }
        }
    }

    @Test
    void aDisabledAccountMayDoNothing() {
        for (Action action : Action.values()) {
            assertThat(Permission.may(user(1, ADMIN, true), action)).as(action.name()).isFalse();
        }
        assertThat(Permission.may(null, Action.USE_ADMIN)).isFalse();
    }

    @Test
    void authorsEditTheirOwnArticlesEditorsAndAdminsAllOfThem() {
        assertThat(Permission.mayEditArticle(user(7, AUTHOR, false), 7L)).isTrue();
        assertThat(Permission.mayEditArticle(user(7, AUTHOR, false), 8L)).isFalse();
        assertThat(Permission.mayEditArticle(user(7, AUTHOR, false), null)).isFalse();
        assertThat(Permission.mayEditArticle(user(7, EDITOR, false), 8L)).isTrue();
        assertThat(Permission.mayEditArticle(user(7, ADMIN, false), null)).isTrue();
        assertThat(Permission.mayEditArticle(user(7, REVIEWER, false), 7L)).isFalse();
        assertThat(Permission.mayEditArticle(user(7, DOCTOR, false), 7L)).isFalse();
        assertThat(Permission.mayEditArticle(user(7, AUTHOR, true), 7L)).isFalse();
    }

    static User user(long id, AccountRole role, boolean disabled) {
        return new User(id, "u" + id + "@example.org", "User " + id, role, disabled, Instant.EPOCH);
    }

    @Test
    void adminsAndEditorsEditEveryAuthorProfileOthersOnlyTheOneLinkedToThem() {
        for (AccountRole role : List.of(ADMIN, EDITOR)) {
            assertThat(Permission.mayEditAuthorProfile(user(7, role, false), null, 3)).as(role.name()).isTrue();
        }
        for (AccountRole role : List.of(AUTHOR, REVIEWER, DOCTOR)) {
            assertThat(Permission.mayEditAuthorProfile(user(7, role, false), 3L, 3)).as(role.name()).isTrue();
            assertThat(Permission.mayEditAuthorProfile(user(7, role, false), 3L, 4)).as(role.name()).isFalse();
            assertThat(Permission.mayEditAuthorProfile(user(7, role, false), null, 3)).as(role.name()).isFalse();
        }
        assertThat(Permission.mayEditAuthorProfile(user(7, AUTHOR, true), 3L, 3)).as("disabled").isFalse();
    }
}
