// A mistake in how the command was called: its message is shown as is, exit code 2.
export class UsageError extends Error {}
