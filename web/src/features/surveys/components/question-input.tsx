import type { SurveyQuestion } from '../../../../../contracts/index.ts';
import { SURVEY_LIMITS } from '../../../../../contracts/index.ts';
import { Textarea } from '../../../components/ui/textarea.tsx';

/** What a person has answered to one question so far. */
export type Draft = { value?: number; text?: string };

/** The points a question offers, each with its label. */
function points(q: SurveyQuestion): { value: number; label: string; short: string }[] {
  if (q.type === 'likert') return q.options.map((label, i) => ({ value: i + 1, label: `${i + 1} – ${label}`, short: label }));
  if (q.type === 'nps') return [...Array(11).keys()].map((v) => ({ value: v, label: v === 0 ? '0 – not at all likely' : v === 10 ? '10 – extremely likely' : String(v), short: String(v) }));
  return q.options.map((label, i) => ({ value: i, label, short: label }));
}

/**
 * One question of the answer form: Likert, NPS and choice questions are radio groups (a fieldset whose legend is the
 * question; arrow keys move within it), text questions a labelled text area.
 */
export function QuestionInput({ q, index, draft, error, onChange }: { q: SurveyQuestion; index: number; draft: Draft; error?: string; onChange: (d: Draft) => void }) {
  const id = `q-${q.id}`;
  const errorId = error ? `${id}-error` : undefined;
  const prompt = (
    <>
      <span className="survey-q-number">{index + 1}.</span> {q.prompt}
      {q.required ? null : <span className="field-optional"> (optional)</span>}
    </>
  );
  if (q.type === 'text')
    return (
      <div className="survey-question field">
        <label className="survey-q-prompt" htmlFor={id}>
          {prompt}
        </label>
        <Textarea id={id} rows={4} maxLength={SURVEY_LIMITS.answerText} value={draft.text ?? ''} aria-invalid={error ? true : undefined} aria-describedby={errorId} onChange={(e) => onChange({ text: e.target.value })} />
        {error ? <span id={errorId} className="field-error">{error}</span> : null}
      </div>
    );
  return (
    <fieldset className="survey-question" aria-describedby={errorId} aria-invalid={error ? true : undefined} data-type={q.type}>
      <legend className="survey-q-prompt">{prompt}</legend>
      <div className={`survey-scale survey-scale-${q.type}`}>
        {points(q).map((p) => (
          <label key={p.value} className="survey-point" data-on={draft.value === p.value || undefined}>
            <input type="radio" name={id} value={p.value} checked={draft.value === p.value} onChange={() => onChange({ value: p.value })} aria-label={q.type === 'nps' ? p.label : undefined} />
            <span>{q.type === 'nps' ? p.short : p.short}</span>
          </label>
        ))}
      </div>
      {q.type === 'nps' ? (
        <div className="survey-scale-ends" aria-hidden="true">
          <span>Not at all likely</span>
          <span>Extremely likely</span>
        </div>
      ) : null}
      {error ? <span id={errorId} className="field-error">{error}</span> : null}
    </fieldset>
  );
}
