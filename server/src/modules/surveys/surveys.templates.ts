import { DEFAULT_LIKERT_LABELS, type SurveyKind, type SurveyQuestionInput } from '../../../../contracts/index.ts';

const likert = (prompt: string, required = true): SurveyQuestionInput => ({ type: 'likert', prompt, required });
const openText = (prompt: string): SurveyQuestionInput => ({ type: 'text', prompt, required: false });
const nps = (prompt: string): SurveyQuestionInput => ({ type: 'nps', prompt, required: true });

/** The questions each kind starts with (a kind is a template; creators may replace them while the survey is a draft). */
export const TEMPLATES: Record<SurveyKind, SurveyQuestionInput[]> = {
  pulse: [likert('I feel connected to colleagues outside my team.'), likert('I learned something useful at work this month.'), likert('I know whom to ask when I am stuck.'), openText('What would make learning here better?')],
  program_feedback: [
    likert('The program met its goals.'),
    likert('I met people I would not have met otherwise.'),
    likert('I can apply what I learned.'),
    nps('How likely are you to recommend this program to a colleague?'),
    openText('What should we keep or change?'),
  ],
  event_feedback: [likert('The session was worth my time.'), likert('I met or heard from someone new.'), openText('What was most useful, and what would you change?')],
  nps: [nps('How likely are you to recommend this to a colleague?'), openText('What is the main reason for your score?')],
  likert: [likert('I would recommend this to a colleague.')],
  open_text: [{ type: 'text', prompt: 'What would you like to tell us?', required: true }],
};

/** A question ready to store: likert labels filled in, options empty where the type has none, required by default. */
export function normalizeQuestion(q: SurveyQuestionInput) {
  const options = q.type === 'likert' ? (q.options?.length === 5 ? q.options : DEFAULT_LIKERT_LABELS) : q.type === 'choice' ? (q.options ?? []) : [];
  return { type: q.type, prompt: q.prompt, options: [...options], required: q.required ?? true };
}
