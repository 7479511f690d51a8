// Contracts of the feeds module (issue 3).
export {};
