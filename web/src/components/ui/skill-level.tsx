/** Five small bars showing a 1–5 skill level, with the level in words for screen readers. */
export function SkillLevel({ level, kind = 'have' }: { level: number; kind?: 'have' | 'want' }) {
  const words = ['', 'beginner', 'basic', 'intermediate', 'advanced', 'expert'][level] ?? '';
  return (
    <span className={`level${kind === 'want' ? ' level-want' : ''}`} role="img" aria-label={`Level ${level} of 5 (${words})`} title={`Level ${level} of 5 · ${words}`}>
      {[1, 2, 3, 4, 5].map((i) => (
        <span key={i} data-on={i <= level} />
      ))}
    </span>
  );
}
