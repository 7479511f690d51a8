// Contracts of the search module (issue 3).
export {};
