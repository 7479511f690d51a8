/** Deterministic demo organization: departments, places, skills and named people listed in the README. */

export const DEPARTMENTS: { name: string; skills: string[]; titles: string[] }[] = [
  { name: 'Engineering', skills: ['TypeScript', 'System design', 'Code review', 'Kubernetes', 'Testing', 'PostgreSQL'], titles: ['Software Engineer', 'Senior Software Engineer', 'Staff Engineer', 'Site Reliability Engineer'] },
  { name: 'Product', skills: ['Product discovery', 'Roadmapping', 'User interviews', 'Prioritization', 'Analytics'], titles: ['Product Manager', 'Senior Product Manager', 'Product Analyst'] },
  { name: 'Design', skills: ['UX research', 'Interaction design', 'Accessibility', 'Prototyping', 'Design systems'], titles: ['Product Designer', 'UX Researcher', 'Content Designer'] },
  { name: 'Sales', skills: ['Negotiation', 'Discovery calls', 'Forecasting', 'Account planning', 'Storytelling'], titles: ['Account Executive', 'Sales Development Rep', 'Solutions Consultant'] },
  { name: 'Marketing', skills: ['Copywriting', 'SEO', 'Campaign planning', 'Brand', 'Storytelling'], titles: ['Marketing Manager', 'Content Strategist', 'Growth Marketer'] },
  { name: 'Customer Success', skills: ['Onboarding', 'Coaching', 'Conflict resolution', 'Active listening', 'Account planning'], titles: ['Customer Success Manager', 'Support Specialist', 'Implementation Lead'] },
  { name: 'Finance', skills: ['Financial modelling', 'Budgeting', 'Excel', 'Forecasting', 'Compliance'], titles: ['Financial Analyst', 'Accountant', 'Controller'] },
  { name: 'People & Culture', skills: ['Facilitation', 'Coaching', 'Learning design', 'Employment law', 'Feedback'], titles: ['People Partner', 'Learning Designer', 'Recruiter'] },
  { name: 'Operations', skills: ['Process improvement', 'Vendor management', 'Project management', 'Lean', 'Excel'], titles: ['Operations Manager', 'Project Manager', 'Business Analyst'] },
  { name: 'Legal', skills: ['Contract review', 'Privacy law', 'Negotiation', 'Compliance', 'Risk assessment'], titles: ['Legal Counsel', 'Privacy Officer', 'Paralegal'] },
];

export const PLACES = [
  { location: 'Berlin', timeZone: 'Europe/Berlin' },
  { location: 'London', timeZone: 'Europe/London' },
  { location: 'Lisbon', timeZone: 'Europe/Lisbon' },
  { location: 'New York', timeZone: 'America/New_York' },
  { location: 'San Francisco', timeZone: 'America/Los_Angeles' },
  { location: 'São Paulo', timeZone: 'America/Sao_Paulo' },
  { location: 'Bangalore', timeZone: 'Asia/Kolkata' },
  { location: 'Singapore', timeZone: 'Asia/Singapore' },
];

export const SHARED_SKILLS = ['Public speaking', 'Mentoring', 'Leadership', 'Data literacy', 'Writing', 'Time management', 'Spanish', 'Python'];
export const INTERESTS = ['Running', 'Climbing', 'Photography', 'Board games', 'Cooking', 'Podcasts', 'Sustainability', 'Jazz', 'Chess', 'Gardening', 'Volunteering', 'Sci-fi', 'Cycling', 'Yoga', 'Travel'];

export const FIRST = ['Aisha', 'Ben', 'Carla', 'Daniel', 'Elif', 'Felix', 'Grace', 'Hiro', 'Ines', 'Jonas', 'Kemi', 'Luca', 'Mei', 'Nadia', 'Omar', 'Priya', 'Quinn', 'Rosa', 'Sven', 'Tara', 'Umar', 'Vera', 'Wei', 'Ximena', 'Yusuf', 'Zoe', 'Arjun', 'Bea', 'Chidi', 'Dana', 'Emil', 'Fatima', 'Gabriel', 'Hana', 'Ivan', 'Julia', 'Kofi', 'Lena', 'Mateo', 'Noor'];
export const LAST = ['Andersen', 'Bauer', 'Costa', 'Dubois', 'Eze', 'Fischer', 'García', 'Hoffmann', 'Ito', 'Jensen', 'Kowalski', 'Larsen', 'Müller', 'Nakamura', 'Oliveira', 'Petrov', 'Quinteros', 'Rossi', 'Silva', 'Tanaka', 'Urban', 'Varga', 'Wong', 'Xu', 'Yilmaz', 'Zhang', 'Nguyen', 'Mensah', 'Kaur', 'Haddad'];

/** The people named in the README (all use the password hearth-demo). */
export const NAMED = [
  { email: 'admin@example.com', name: 'Alex Morgan', department: 'People & Culture', title: 'Head of Learning & Development', roles: ['admin', 'facilitator'], place: 0 },
  { email: 'maya.patel@example.com', name: 'Maya Patel', department: 'Engineering', title: 'Engineering Manager', roles: [], place: 1 },
  { email: 'sam.okafor@example.com', name: 'Sam Okafor', department: 'Sales', title: 'Account Executive', roles: [], place: 3 },
  { email: 'lea.schmidt@example.com', name: 'Lea Schmidt', department: 'Design', title: 'Product Designer', roles: ['moderator'], place: 0 },
  { email: 'tomas.reyes@example.com', name: 'Tomás Reyes', department: 'Customer Success', title: 'Customer Success Manager', roles: ['facilitator'], place: 5 },
];

/** Small seeded PRNG (mulberry32) so the demo is the same everywhere. */
export function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
