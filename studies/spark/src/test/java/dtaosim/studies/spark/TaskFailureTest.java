package dtaosim.studies.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dtaosim.engine.run.NonFiniteStateException;
import org.apache.spark.ExceptionFailure;
import org.apache.spark.TaskKilled;
import org.junit.jupiter.api.Test;
import scala.Option;
import scala.collection.immutable.List$;

/** The line a failed task attempt prints under the launcher, where Spark's own task logs are off. */
class TaskFailureTest {
    @Test
    void anExplainedFailureShouldBeOneLineWithItsMessage() {
        // as the executor reports it: the class by name, the message, a stack that is not printed
        final ExceptionFailure failure = new ExceptionFailure(NonFiniteStateException.class.getName(),
                "path 3, subnet 0: the pool is not finite", new Throwable().getStackTrace(), "", Option.empty(),
                List$.MODULE$.empty(), List$.MODULE$.empty(), List$.MODULE$.empty());
        assertEquals("dtaosim: partition 2, attempt 1 failed: NonFiniteStateException: path 3, subnet 0: the pool"
                + " is not finite\n", SparkStudy.failure(2, 1, failure));
    }

    @Test
    void anUnexpectedFailureShouldKeepItsStackAndCause() {
        final ExceptionFailure failure = new ExceptionFailure(new IllegalStateException("a bug",
                new java.io.IOException("No space left on device")), List$.MODULE$.empty());
        final String text = SparkStudy.failure(0, 0, failure);
        assertTrue(text.startsWith("dtaosim: partition 0, attempt 0 failed: java.lang.IllegalStateException: a bug"),
                text);
        assertTrue(text.contains("at dtaosim.studies.spark.TaskFailureTest.anUnexpectedFailureShouldKeepItsStack"),
                text);
        assertTrue(text.contains("Caused by: java.io.IOException: No space left on device"), text);
    }

    @Test
    void aCancelledTaskShouldSaySo() {
        final TaskKilled killed = new TaskKilled("Stage cancelled: Job aborted\nDriver stacktrace:",
                List$.MODULE$.empty(), List$.MODULE$.empty(), List$.MODULE$.empty());
        assertEquals("dtaosim: partition 3, attempt 0 cancelled (Stage cancelled: Job aborted)\n",
                SparkStudy.failure(3, 0, killed));
    }
}
