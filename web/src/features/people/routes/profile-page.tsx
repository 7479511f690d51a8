/** /people/:id (placeholder). */
export function ProfilePage({ id }: { id: string }) {
  return <h1>{id}</h1>;
}
