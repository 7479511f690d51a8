import { useEffect, useState } from 'react';
import { Link } from 'wouter';
import { ErrorState } from '../../../components/ui/error-state.tsx';
import { Icon } from '../../../components/ui/icon.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { PageLoading } from '../../../components/ui/page-loading.tsx';
import { Skeleton } from '../../../components/ui/skeleton.tsx';
import { plural } from '../../../lib/plural.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { useMe } from '../../auth/api/use-me.ts';
import { useMentoringProfile, useRelationshipDetails, useRelationships, useRequests, useSuggestions } from '../api/use-mentoring.ts';
import { ProfileCards } from '../components/profile-cards.tsx';
import { RelationshipCard } from '../components/relationship-card.tsx';
import { ReceivedRequests, SentRequests } from '../components/requests.tsx';
import { Suggestions } from '../components/suggestions.tsx';
import { usableZone } from '../lib/zoned-time.ts';
import '../mentoring.css';

/** A titled section of the mentoring home. */
function Section({ id, title, count, children }: { id: string; title: string; count?: number; children: React.ReactNode }) {
  return (
    <section className="mentoring-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="section-title">
        {title}
        {count ? <span className="count-badge">{count}</span> : null}
      </h2>
      {children}
    </section>
  );
}

/** /mentoring: my relationships, requests to me and from me, mentor suggestions and my mentor and mentee profiles. */
export function MentoringPage({ focus }: { focus?: 'requests' } = {}) {
  useDocumentTitle('Mentoring');
  const me = useMe();
  const zone = usableZone(me.person.timeZone);
  const profile = useMentoringProfile();
  const relationships = useRelationships('mine');
  const requests = useRequests();
  const suggestions = useSuggestions(!!profile.data?.mentee);
  const [openSide, setOpenSide] = useState<{ side: 'mentor' | 'mentee'; n: number } | null>(null);
  const rels = relationships.data?.items ?? [];
  const active = rels.filter((r) => r.status !== 'ended');
  const ended = rels.filter((r) => r.status === 'ended');
  const hasMentor = active.some((r) => r.role === 'mentee');
  const details = useRelationshipDetails(rels.slice(0, 12).map((r) => r.id));
  const detailOf = (id: string) => details.find((d) => d.data?.id === id)?.data;
  const canMatch = me.person.roles.includes('admin') || me.person.roles.includes('facilitator');
  // /mentoring/requests (from a notification): bring the requests into view once they are loaded.
  const requestsLoaded = !!requests.data && !!profile.data;
  useEffect(() => {
    if (focus === 'requests' && requestsLoaded) document.getElementById('received-title')?.scrollIntoView({ block: 'start' }) ?? document.getElementById('sent-title')?.scrollIntoView({ block: 'start' });
  }, [focus, requestsLoaded]);

  const openProfile = (side: 'mentor' | 'mentee') => {
    setOpenSide((o) => ({ side, n: (o?.n ?? 0) + 1 }));
    requestAnimationFrame(() => document.getElementById(`${side}-profile`)?.scrollIntoView({ behavior: 'smooth', block: 'start' }));
  };

  const actions = (
    <>
      <Link href="/experts" className="btn btn-secondary">
        <Icon name="question" size={18} /> Ask an expert
      </Link>
      {canMatch ? (
        <Link href="/mentoring/admin" className="btn btn-secondary">
          <Icon name="sparkle" size={18} /> Programme matching
        </Link>
      ) : null}
    </>
  );

  if (profile.isPending) return <PageLoading label="Loading mentoring" />;
  if (profile.isError) return <ErrorState error={profile.error} title="We couldn't load mentoring" onRetry={() => profile.refetch()} />;
  const p = profile.data;
  const received = requests.data?.received ?? [];
  const sent = requests.data?.sent ?? [];
  const openReceived = received.filter((r) => r.status === 'open');
  const fresh = !p.mentor && !p.mentee && rels.length === 0;

  return (
    <div className="mentoring-home">
      <PageHeader title="Mentoring" subtitle="Learn one-to-one from colleagues who have done it before, or pass on what you know." actions={actions} />

      {fresh ? (
        <Section id="start" title="Start here">
          <p className="muted start-intro">Say what you want to grow and Hearth suggests mentors who fit, with the reasons. Or offer a few hours a month as a mentor. You can do both.</p>
          <ProfileCards key={openSide?.n ?? 0} profile={p} openSide={openSide?.side ?? null} />
        </Section>
      ) : null}

      {relationships.isError ? <ErrorState error={relationships.error} title="We couldn't load your relationships" onRetry={() => relationships.refetch()} /> : null}
      {relationships.isPending ? (
        <Skeleton height={160} />
      ) : active.length ? (
        <Section id="relationships" title="Your relationships">
          <div className="rel-grid">
            {active.map((r) => (
              <RelationshipCard key={r.id} r={r} detail={detailOf(r.id)} zone={zone} />
            ))}
          </div>
        </Section>
      ) : null}

      {openReceived.length || (p.mentor && received.length) ? (
        <Section id="received" title="Requests to you" count={openReceived.length}>
          {received.length ? <ReceivedRequests items={received.slice(0, 10)} /> : null}
        </Section>
      ) : null}

      {p.mentee && !(hasMentor && suggestions.data && suggestions.data.items.length === 0) ? (
        <Section id="suggestions" title="Suggested mentors">
          {suggestions.isPending ? (
            <Skeleton height={140} />
          ) : suggestions.isError ? (
            <ErrorState error={suggestions.error} title="We couldn't load suggestions" onRetry={() => suggestions.refetch()} />
          ) : (
            <Suggestions data={suggestions.data} onMakeProfile={() => openProfile('mentee')} />
          )}
        </Section>
      ) : null}

      {sent.length ? (
        <Section id="sent" title="Your requests">
          <SentRequests items={sent.slice(0, 10)} />
        </Section>
      ) : null}

      {!fresh ? (
        <Section id="profiles" title="Your mentoring profiles">
          <ProfileCards key={openSide?.n ?? 0} profile={p} openSide={openSide?.side ?? null} hasMentor={hasMentor} />
        </Section>
      ) : null}

      {ended.length ? (
        <Section id="ended" title="Closed relationships">
          <details className="ended-list">
            <summary>{plural(ended.length, 'closed relationship')}</summary>
            <div className="rel-grid">
              {ended.map((r) => (
                <RelationshipCard key={r.id} r={r} detail={detailOf(r.id)} zone={zone} />
              ))}
            </div>
          </details>
        </Section>
      ) : null}
    </div>
  );
}
