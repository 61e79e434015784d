/** A plan or journal a host must not carry out; the message is a Chinese sentence for the user. */
export class PlanRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PlanRefusedError';
    Object.setPrototypeOf(this, new.target.prototype);
  }
}
