package io.kasparro.runs;

/**
 * A batch arrived for a run that is no longer open: another process closed it as abandoned and took
 * its source over. The batch is rolled back rather than racing the new run's checkpoint.
 */
public class RunNoLongerOpenException extends RuntimeException {

  public RunNoLongerOpenException(long runId) {
    super(
        "run "
            + runId
            + " is no longer open (another process took its source over); its batch was not"
            + " committed");
  }
}
