/** /admin/people (placeholder). */
export function AdminPeoplePage() {
  return <h1>Admin</h1>;
}
