package dtaosim.studies.spark;

import java.io.Serializable;

/**
 * What one Spark task sends back: its piece of the path range, where it ran, and every cell's outcomes over
 * that range as {@link dtaosim.studies.study.PartialStore#encode} bytes.
 *
 * @param piece          piece number k of the path range
 * @param from           first path (inclusive)
 * @param to             last path (exclusive)
 * @param sparkPartition {@code TaskContext.partitionId()} of the task, or −1 when not run by a Spark task
 * @param attempt        {@code TaskContext.attemptNumber()}: 0 for the first attempt, 1 for the first retry, ...
 * @param taskAttemptId  Spark's id of the task attempt
 * @param thread         name of the thread that ran it (Spark's "Executor task launch worker ..." on executors)
 * @param cells          encoded outcomes, one per cell in cell order
 */
record PartitionResult(int piece, long from, long to, int sparkPartition, int attempt, long taskAttemptId,
                       String thread, byte[][] cells) implements Serializable {
    private static final long serialVersionUID = 1L;
}
