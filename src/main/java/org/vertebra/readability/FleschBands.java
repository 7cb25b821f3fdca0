package org.vertebra.readability;

/**
 * Flesch's bands for a reading ease score (R. Flesch, "A new readability yardstick", Journal of
 * Applied Psychology 32(3), 1948), which the French and German adaptations keep.
 */
final class FleschBands {

    private FleschBands() {
    }

    static String band(double value) {
        if (Double.isNaN(value)) {
            return "";
        }
        if (value < 30) {
            return "very difficult";
        }
        if (value < 50) {
            return "difficult";
        }
        if (value < 60) {
            return "fairly difficult";
        }
        if (value < 70) {
            return "standard";
        }
        if (value < 80) {
            return "fairly easy";
        }
        return value < 90 ? "easy" : "very easy";
    }
}
