package org.vertebra.consult;

/**
 * A booking made: what the patient's confirmation shows. {@code again}: the form had made this
 * booking already (sent twice), so nothing new was booked or mailed.
 */
public record Booked(Booking booking, String doctorName, String videoUrl, String manageUrl, boolean again) {
    public Booked(Booking booking, String doctorName, String videoUrl, String manageUrl) {
        this(booking, doctorName, videoUrl, manageUrl, false);
    }
}
