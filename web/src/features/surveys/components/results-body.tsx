import type { QuestionResult } from '../../../../../contracts/index.ts';
import { Card } from '../../../components/ui/card.tsx';
import { QuestionChart } from './question-chart.tsx';

/** Every question's results, one card each. */
export function ResultsBody({ questions }: { questions: QuestionResult[] }) {
  return (
    <div className="stack">
      {questions.map((q, i) => (
        <Card key={q.questionId}>
          <QuestionChart q={q} index={i} />
        </Card>
      ))}
    </div>
  );
}
