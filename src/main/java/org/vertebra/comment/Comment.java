package org.vertebra.comment;

import java.time.Instant;

/**
 * A reader's comment, or a staff reply, as stored.
 *
 * @param parentId    the top-level comment of its thread; null for a top-level comment
 * @param replyToId   the comment it answers (the parent, or a reply in the same thread); null for none
 * @param email       kept to tell its writer of replies and to recognise approved commenters; never shown
 * @param bodyHtml    {@code bodyMarkdown} rendered and sanitized when it was sent ({@link CommentMarkdown})
 * @param staffUserId the account that wrote it from the admin; null for readers
 * @param approvedAt  when it was first approved; null while it never was
 */
public record Comment(long id, long articleId, Long parentId, Long replyToId, String name, String email,
                      String bodyMarkdown, String bodyHtml, Status status, String statusReason, boolean wantsReplies,
                      Long staffUserId, Instant createdAt, Instant approvedAt) {

    /** Where a comment stands: only approved ones are shown on the site. */
    public enum Status {
        HELD, APPROVED, REJECTED, SPAM;

        String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static Status of(String key) {
            return valueOf(key.toUpperCase(java.util.Locale.ROOT));
        }
    }

    public boolean isStaff() {
        return staffUserId != null;
    }

    public boolean isTopLevel() {
        return parentId == null;
    }

    /** The id of the thread it belongs to: its own when it is top-level. */
    public long threadId() {
        return parentId == null ? id : parentId;
    }

    public String anchor() {
        return "comment-" + id;
    }
}
