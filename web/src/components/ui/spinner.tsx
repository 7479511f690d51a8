/** A small spinning indicator; announces `label` to screen readers. */
export function Spinner({ label = 'Loading', size = 'md' }: { label?: string; size?: 'md' | 'lg' }) {
  return (
    <span role="status" className="row" style={{ gap: 0 }}>
      <span className={`spinner${size === 'lg' ? ' spinner-lg' : ''}`} aria-hidden="true" />
      <span className="visually-hidden">{label}</span>
    </span>
  );
}
