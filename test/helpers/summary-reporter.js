// Prints the run's totals as one plain line ("N passed, N failed, N skipped") after Jest's own
// summary, so CI logs can be read without knowing Jest's format.
export default class SummaryReporter {
  onRunComplete(_contexts, results) {
    process.stdout.write(`\n${results.numPassedTests} passed, ${results.numFailedTests} failed, ${results.numPendingTests} skipped\n`);
  }
}
