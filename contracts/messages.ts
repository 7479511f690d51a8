// Contracts of the messages module (issue 3).
export {};
