package org.vertebra.wordpress;

import java.nio.file.Path;

/** Reads an export with {@link WxrReader} and prints how many items and comments it holds; run in a small child JVM. */
public final class LargeExportCount {

    private LargeExportCount() {
    }

    public static void main(String[] args) {
        long[] counts = new long[2];
        new WxrReader().read(Path.of(args[0]), new WxrReader.Visitor() {
            @Override
            public void item(WxrItem item) {
                counts[0]++;
                counts[1] += item.comments().size();
            }
        });
        System.out.println(counts[0] + " items, " + counts[1] + " comments");
    }
}
