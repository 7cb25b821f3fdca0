package org.vertebra.audit;

import java.time.Instant;

/**
 * What checking the chain found.
 *
 * @param intact       true when every row from the checkpoint on is as it was written
 * @param rows         the rows checked
 * @param badSeq       the first row that is changed or missing, or null when intact
 * @param problem      what is wrong with it, in words, or null
 * @param fromSeq      the first row the chain is checked from (1, or the one after the checkpoint)
 * @param checkpointAt when the rows before {@code fromSeq} were pruned, or null if never
 * @param headHash     the last row's hash when intact (an operator may note it elsewhere: a chain
 *                     rewritten whole from an earlier row on would no longer end in it), else null
 */
public record ChainCheck(boolean intact, long rows, Long badSeq, String problem, long fromSeq, Instant checkpointAt,
                         String headHash) {

    static ChainCheck intact(long rows, long fromSeq, Instant checkpointAt, String headHash) {
        return new ChainCheck(true, rows, null, null, fromSeq, checkpointAt, headHash);
    }

    static ChainCheck broken(long rows, long badSeq, String problem, long fromSeq, Instant checkpointAt) {
        return new ChainCheck(false, rows, badSeq, problem, fromSeq, checkpointAt, null);
    }
}
