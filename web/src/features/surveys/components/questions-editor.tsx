import { type QuestionType, SURVEY_LIMITS, type SurveyQuestionInput } from '../../../../../contracts/index.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Input } from '../../../components/ui/input.tsx';
import { Select } from '../../../components/ui/select.tsx';

const TYPE_LABELS: Record<QuestionType, string> = { likert: 'Scale 1–5 (disagree … agree)', nps: 'Recommend 0–10 (NPS)', choice: 'One choice', text: 'Written answer' };

/** The questions of a draft: edit the wording, type, choices (one per line) and whether an answer is required; add and remove. */
export function QuestionsEditor({ value, onChange, errors }: { value: SurveyQuestionInput[]; onChange: (qs: SurveyQuestionInput[]) => void; errors: Record<string, string> }) {
  const set = (i: number, patch: Partial<SurveyQuestionInput>) => onChange(value.map((q, j) => (j === i ? { ...q, ...patch } : q)));
  return (
    <fieldset className="survey-editor">
      <legend className="field-label">Questions</legend>
      <ol className="stack-sm">
        {value.map((q, i) => {
          const promptId = `qe-${i}-prompt`;
          const err = errors[`questions.${i}.prompt`] ?? errors[`questions.${i}.options`];
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: questions of a draft have no ids yet; their place is their identity.
            <li key={i} className="survey-editor-item">
              <label className="visually-hidden" htmlFor={promptId}>
                Question {i + 1}
              </label>
              <Input id={promptId} value={q.prompt} maxLength={SURVEY_LIMITS.prompt} aria-invalid={err ? true : undefined} onChange={(e) => set(i, { prompt: e.target.value })} />
              <div className="row survey-editor-controls">
                <label className="visually-hidden" htmlFor={`qe-${i}-type`}>
                  Kind of answer for question {i + 1}
                </label>
                <Select
                  id={`qe-${i}-type`}
                  value={q.type}
                  onChange={(e) => {
                    const type = e.target.value as QuestionType;
                    set(i, { type, options: type === 'choice' ? ['Yes', 'No'] : undefined });
                  }}
                >
                  {(Object.keys(TYPE_LABELS) as QuestionType[]).map((t) => (
                    <option key={t} value={t}>
                      {TYPE_LABELS[t]}
                    </option>
                  ))}
                </Select>
                <label className="row survey-editor-required">
                  <input type="checkbox" checked={q.required ?? true} onChange={(e) => set(i, { required: e.target.checked })} /> Required
                </label>
                <Button variant="ghost" size="sm" disabled={value.length === 1} onClick={() => onChange(value.filter((_, j) => j !== i))}>
                  Remove<span className="visually-hidden"> question {i + 1}</span>
                </Button>
              </div>
              {q.type === 'choice' ? (
                <>
                  <label className="field-hint" htmlFor={`qe-${i}-options`}>
                    Choices, one per line (2–{SURVEY_LIMITS.options})
                  </label>
                  <textarea
                    id={`qe-${i}-options`}
                    className="textarea"
                    rows={3}
                    value={(q.options ?? []).join('\n')}
                    onChange={(e) => set(i, { options: e.target.value.split('\n').slice(0, SURVEY_LIMITS.options) })}
                  />
                </>
              ) : null}
              {err ? <span className="field-error">{err}</span> : null}
            </li>
          );
        })}
      </ol>
      <Button variant="secondary" size="sm" disabled={value.length >= SURVEY_LIMITS.questions} onClick={() => onChange([...value, { type: 'likert', prompt: '', required: true }])}>
        Add a question
      </Button>
    </fieldset>
  );
}
