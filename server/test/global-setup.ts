// Placeholder replaced by the database template setup (issue #2).
export default async function setup() {}
