/**
 * Imported for its effect by command-line tools whose output is often piped
 * (`… --dry-run | head`): when the reader closes the pipe early, the tool stops
 * quietly instead of printing a stack trace about EPIPE.
 */
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
