// Contracts of the resources module (issue 3).
export {};
