// Contracts of the pathways module (issue 3).
export {};
