package org.vertebra.audit;

import java.util.Arrays;
import java.util.Optional;

/** What happened: the fixed list of security-relevant events the audit log records. */
public enum AuditAction {
    SIGN_IN("sign-in", "Signed in"),
    SIGN_IN_FAILED("sign-in-failed", "Sign-in failed"),
    SIGN_OUT("sign-out", "Signed out"),
    TWO_FACTOR_ENROLLED("two-factor-enrolled", "Two-step sign-in set up"),
    TWO_FACTOR_REMOVED("two-factor-removed", "Two-step sign-in removed"),
    RECOVERY_CODE_USED("recovery-code-used", "Recovery code used"),
    PASSWORD_CHANGED("password-changed", "Password changed"),
    PASSWORD_RESET("password-reset", "Password reset"),
    ACCOUNT_CREATED("account-created", "Account created"),
    ROLE_CHANGED("role-changed", "Role changed"),
    ACCOUNT_DISABLED("account-disabled", "Account disabled"),
    ACCOUNT_ENABLED("account-enabled", "Account enabled"),
    SETTINGS_CHANGED("settings-changed", "Settings changed"),
    ARTICLE_PUBLISHED("article-published", "Article published"),
    ARTICLE_UNPUBLISHED("article-unpublished", "Article unpublished"),
    ARTICLE_DELETED("article-deleted", "Article deleted"),
    HEALTH_DATA_VIEWED("health-data-viewed", "Health data viewed"),
    DATA_EXPORTED("data-exported", "Data exported"),
    DATA_ERASED("data-erased", "Data erased"),
    KEY_ROTATED("key-rotated", "Key rotation"),
    BACKUP_MADE("backup-made", "Backup made"),
    RESTORED("restored", "Restored from a backup"),
    AUDIT_PRUNED("audit-pruned", "Audit log pruned"),
    READING_LIST_SENT("reading-list-sent", "Reading list sent"),
    READING_LIST_DELETED("reading-list-deleted", "Reading list deleted"),
    READING_LIST_PURGED("reading-list-purged", "Expired reading lists purged");

    private final String key;
    private final String label;

    AuditAction(String key, String label) {
        this.key = key;
        this.label = label;
    }

    /** The stored and exported name, which never changes once rows carry it. */
    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public static Optional<AuditAction> ofKey(String key) {
        return Arrays.stream(values()).filter(a -> a.key.equals(key)).findFirst();
    }
}
