package org.vertebra.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vertebra.article.RevisionDiff.Kind;
import org.vertebra.article.RevisionDiff.Row;

class RevisionDiffTest {

    @Test
    void identicalTextsAreAllSame() {
        List<Row> rows = RevisionDiff.between("a\nb\nc", "a\nb\nc");

        assertThat(rows).extracting(Row::kind).containsOnly(Kind.SAME);
        assertThat(RevisionDiff.changed(rows)).isFalse();
    }

    @Test
    void showsAChangedLineBesideItsOldText() {
        List<Row> rows = RevisionDiff.between("Rest.\nIce for a day.\nSee a doctor.", "Rest.\nIce for two days.\nSee a doctor.");

        assertThat(rows).containsExactly(
                new Row(Kind.SAME, 1, "Rest.", 1, "Rest."),
                new Row(Kind.CHANGED, 2, "Ice for a day.", 2, "Ice for two days."),
                new Row(Kind.SAME, 3, "See a doctor.", 3, "See a doctor."));
    }

    @Test
    void numbersLinesOfEachSideOnTheirOwn() {
        List<Row> rows = RevisionDiff.between("one\ntwo\nthree", "one\nnew\ntwo\nthree\nfour");

        assertThat(rows).containsExactly(
                new Row(Kind.SAME, 1, "one", 1, "one"),
                new Row(Kind.ADDED, 0, null, 2, "new"),
                new Row(Kind.SAME, 2, "two", 3, "two"),
                new Row(Kind.SAME, 3, "three", 4, "three"),
                new Row(Kind.ADDED, 0, null, 5, "four"));
    }

    @Test
    void removedLinesHaveNothingOnTheRight() {
        List<Row> rows = RevisionDiff.between("keep\ndrop 1\ndrop 2\nkeep too", "keep\nkeep too");

        assertThat(rows).extracting(Row::kind).containsExactly(Kind.SAME, Kind.REMOVED, Kind.REMOVED, Kind.SAME);
        assertThat(rows.get(1).right()).isNull();
        assertThat(rows.get(2).leftNumber()).isEqualTo(3);
    }

    @Test
    void fromNothingEveryLineIsAdded() {
        assertThat(RevisionDiff.between("", "a\nb")).extracting(Row::kind).containsExactly(Kind.ADDED, Kind.ADDED);
        assertThat(RevisionDiff.between(null, null)).isEmpty();
    }

    @Test
    void hugeRewritesAreComparedAsOneBlockWithoutRunningOutOfMemory() {
        String before = "x\n" + "old line\n".repeat(3_000) + "y";
        String after = "x\n" + "new line\n".repeat(3_000) + "y";

        List<Row> rows = RevisionDiff.between(before, after);

        assertThat(rows).hasSize(3_002);
        assertThat(rows.get(1).kind()).isEqualTo(Kind.CHANGED);
        assertThat(rows.get(3_001)).isEqualTo(new Row(Kind.SAME, 3_002, "y", 3_002, "y"));
    }

    @Test
    void windowsLineEndingsCompareEqualToUnixOnes() {
        assertThat(RevisionDiff.changed(RevisionDiff.between("a\r\nb", "a\nb"))).isFalse();
    }

    @Test
    void foldsLongRunsOfUnchangedLinesAroundAChange() {
        String before = "a\nb\nc\nd\ne\nf\ng\nh\ni";
        String after = "a\nb\nc\nd\nE\nf\ng\nh\ni";

        List<Row> rows = RevisionDiff.folded(RevisionDiff.between(before, after), 1);

        assertThat(rows).extracting(Row::kind).containsExactly(Kind.FOLDED, Kind.SAME, Kind.CHANGED, Kind.SAME, Kind.FOLDED);
        assertThat(rows.get(0).left()).isEqualTo("3 unchanged lines");
        assertThat(rows.get(1).leftNumber()).isEqualTo(4);
    }

    @Test
    void leavesIdenticalTextsUnfolded() {
        assertThat(RevisionDiff.folded(RevisionDiff.between("a\nb\nc\nd\ne", "a\nb\nc\nd\ne"), 1)).hasSize(5);
    }
}
