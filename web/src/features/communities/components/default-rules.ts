/** The code of conduct new communities start from; creators edit it to fit. */
export const DEFAULT_RULES = `## How we talk here

1. **Be kind and assume good intent.** Disagree with ideas, never with people.
2. **Share what you know**, and say when you are not sure.
3. **Keep it safe:** no harassment, no discrimination, no personal attacks.
4. **Respect confidentiality:** don't post customer data or anything marked internal-only outside its audience.
5. **Stay on topic** and search before asking; mark the answer that helped you.

Moderators may edit, lock or remove posts that break these rules.`;
