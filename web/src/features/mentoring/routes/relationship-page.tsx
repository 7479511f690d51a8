import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'wouter';
import { Alert } from '../../../components/ui/alert.tsx';
import { Avatar } from '../../../components/ui/avatar.tsx';
import { ErrorState } from '../../../components/ui/error-state.tsx';
import { PageLoading } from '../../../components/ui/page-loading.tsx';
import { ApiError } from '../../../lib/api-error.ts';
import { useChannel } from '../../../lib/use-channel.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { useMe } from '../../auth/api/use-me.ts';
import { mentoringKeys } from '../api/mentoring-keys.ts';
import { usePartner, useRelationship } from '../api/use-mentoring.ts';
import { CheckInPanel } from '../components/check-in-panel.tsx';
import { ClosingPanel } from '../components/closing-panel.tsx';
import { GoalsPanel } from '../components/goals-panel.tsx';
import { FactorChips, ScoreMeter } from '../components/match-explanation.tsx';
import { MeetingsPanel } from '../components/meetings-panel.tsx';
import { NotesPanel } from '../components/notes-panel.tsx';
import { partnerOf, sideNames } from '../lib/partner.ts';
import { formatInZone, usableZone } from '../lib/zoned-time.ts';
import '../mentoring.css';

/** /mentoring/relationships/:id: goals, meetings, pair-private notes, check-ins and closing; programme admins get a read-only view without notes. */
export function RelationshipPage({ id }: { id: string }) {
  const me = useMe();
  const zone = usableZone(me.person.timeZone);
  const rel = useRelationship(id);
  const partner = rel.data ? partnerOf(rel.data) : null;
  const partnerPerson = usePartner(rel.data && rel.data.role !== 'admin' && partner ? partner.person.id : null);
  const qc = useQueryClient();
  // The partner's goals, meetings, notes, check-ins and closing show up live (only the two partners may follow).
  useChannel(rel.data && rel.data.role !== 'admin' ? `mentoring:${id}` : null, () => {
    void qc.invalidateQueries({ queryKey: mentoringKeys.relationship(id) });
  });
  useDocumentTitle(rel.data && partner ? (rel.data.role === 'admin' ? `${rel.data.mentor.name} & ${rel.data.mentee.name}` : `Mentoring with ${partner.person.name}`) : 'Mentoring');

  if (rel.isPending) return <PageLoading label="Loading relationship" />;
  if (rel.isError)
    return rel.error instanceof ApiError && rel.error.status === 404 ? (
      <ErrorState error={rel.error} title="This relationship isn't available" />
    ) : (
      <ErrorState error={rel.error} title="We couldn't load this relationship" onRetry={() => rel.refetch()} />
    );
  const r = rel.data;
  const p = partner ?? partnerOf(r);
  const names = sideNames(r.kind);
  const asAdmin = r.role === 'admin';
  const partnerZone = partnerPerson.data?.timeZone ?? null;

  return (
    <div className="relationship-page">
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <Link href={asAdmin ? '/mentoring/admin' : '/mentoring'}>{asAdmin ? 'Programme matching' : 'Mentoring'}</Link>
        <span aria-hidden="true">/</span>
        <span aria-current="page">{asAdmin ? `${r.mentor.name} & ${r.mentee.name}` : p.person.name}</span>
      </nav>
      <header className="rel-head card">
        <div className="rel-head-people">
          {asAdmin ? (
            <>
              <Avatar personId={r.mentor.id} name={r.mentor.name} size="md" />
              <Avatar personId={r.mentee.id} name={r.mentee.name} size="md" />
            </>
          ) : (
            <Avatar personId={p.person.id} name={p.person.name} size="lg" />
          )}
          <div>
            <h1 className="rel-title">{asAdmin ? `${r.mentor.name} & ${r.mentee.name}` : p.person.name}</h1>
            <p className="muted">
              {asAdmin ? `${names.mentor}: ${r.mentor.name} · ${names.mentee}: ${r.mentee.name}` : `Your ${p.noun}${p.person.title ? ` · ${p.person.title}` : ''}`}
            </p>
            <p className="rel-badges">
              <span className={`badge ${r.kind === 'coaching' ? 'badge-sky' : 'badge-ember'}`}>{r.kind === 'coaching' ? 'Coaching' : 'Mentoring'}</span>
              {r.status === 'ended' ? <span className="badge">Closed</span> : <span className="badge badge-moss">Active</span>}
              <span className="small muted">
                {r.source === 'program' ? 'Matched by the programme' : 'Started on request'} · since {formatInZone(r.createdAt, zone, { day: 'numeric', month: 'short', year: 'numeric' })}
              </span>
            </p>
          </div>
        </div>
        <div className="rel-why">
          <ScoreMeter score={r.score} />
          <FactorChips factors={r.explanation} label={asAdmin ? 'Why they were matched' : 'Why you were matched'} />
        </div>
      </header>
      {asAdmin ? <Alert tone="info">You see this pair as a programme admin: goals, how often they meet and their ratings. Their notes, agendas and check-in notes stay between them.</Alert> : null}
      {r.abilities.closingAsked ? <Alert tone="info">{p.person.name} closed this relationship. Your feedback is asked for below.</Alert> : null}
      <div className="rel-layout">
        <div className="rel-main">
          <GoalsPanel r={r} />
          <MeetingsPanel r={r} zone={zone} partner={p.person} partnerZone={partnerZone} />
          <ClosingPanel r={r} partner={p.person} />
        </div>
        <div className="rel-side">
          <NotesPanel r={r} partner={p.person} />
          <CheckInPanel r={r} partner={p.person} />
        </div>
      </div>
    </div>
  );
}
