// Contracts of the notifications module (issue 3).
export {};
