/** The code of conduct a community starts with when its creator writes none. */
export const DEFAULT_RULES = `**How we work together here**

1. **Be kind and assume good intent.** Everyone is learning, including the experts.
2. **What is shared here stays here.** Do not forward screenshots or quotes outside the community without asking.
3. **Share generously.** Answer questions, credit others' ideas, link your sources.
4. **Disagree with ideas, not people.** Keep criticism specific and constructive.
5. **No confidential customer or personal data**, and nothing you would not say in a meeting.

Moderators may edit or remove posts that break these rules.`;

/** URL-friendly lower-case slug of a name (letters and digits in any script, dashes). */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
  return slug || 'community';
}
