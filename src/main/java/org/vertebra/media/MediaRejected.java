package org.vertebra.media;

/**
 * A file the media library refuses, with a message written for the person who sent it: what is
 * wrong and, where it helps, what to do. Nothing is stored for a rejected file.
 */
public final class MediaRejected extends RuntimeException {

    public MediaRejected(String message) {
        super(message);
    }
}
