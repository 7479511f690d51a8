import { useState } from 'react';
import type { MentoringProfileResponse } from '../../../../../contracts/index.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { Icon } from '../../../components/ui/icon.tsx';
import { SkillLevel } from '../../../components/ui/skill-level.tsx';
import { plural } from '../../../lib/plural.ts';
import { MenteeProfileForm, MentorProfileForm } from './profile-forms.tsx';

/** My mentor and mentee profiles: a summary with Edit, or the form; "Become a mentor" / "Find a mentor" when missing. */
export function ProfileCards({ profile, openSide, hasMentor }: { profile: MentoringProfileResponse; openSide?: 'mentor' | 'mentee' | null; hasMentor?: boolean }) {
  const [editing, setEditing] = useState<'mentor' | 'mentee' | null>(openSide ?? null);
  const { mentor, mentee } = profile;
  return (
    <div className="profile-cards">
      <Card title="As a mentor" id="mentor-profile" className="profile-card" actions={mentor && editing !== 'mentor' ? <Button variant="secondary" size="sm" onClick={() => setEditing('mentor')} aria-label="Edit mentor profile"><Icon name="edit" size={16} /> Edit</Button> : null}>
        {editing === 'mentor' ? (
          <MentorProfileForm initial={mentor} onDone={() => setEditing(null)} />
        ) : mentor ? (
          <div className="stack-sm">
            <p className="profile-status">
              {mentor.active ? <span className="badge badge-moss">Taking mentees</span> : <span className="badge">Paused</span>} {plural(mentor.capacity, 'mentee')} at once · {mentor.availabilityHours} h a week
            </p>
            <ul className="skill-list" aria-label="Skills you mentor">
              {mentor.skills.map((s) => (
                <li key={s.skill}>
                  <span>{s.skill}</span> <SkillLevel level={s.level} />
                </li>
              ))}
            </ul>
            {mentor.topics.length ? <p className="small muted">Topics: {mentor.topics.join(', ')}</p> : null}
          </div>
        ) : (
          <div className="profile-cta">
            <p>Share what you know. Say which skills you can help with and how many people you have time for; Hearth suggests you only to mentees you fit.</p>
            <Button onClick={() => setEditing('mentor')}>
              <Icon name="award" size={18} /> Become a mentor
            </Button>
          </div>
        )}
      </Card>
      <Card title="As a mentee" id="mentee-profile" className="profile-card" actions={mentee && editing !== 'mentee' ? <Button variant="secondary" size="sm" onClick={() => setEditing('mentee')} aria-label="Edit mentee profile"><Icon name="edit" size={16} /> Edit</Button> : null}>
        {editing === 'mentee' ? (
          <MenteeProfileForm initial={mentee} onDone={() => setEditing(null)} />
        ) : mentee ? (
          <div className="stack-sm">
            <p className="profile-status">{!mentee.active ? <span className="badge">Paused</span> : hasMentor ? <span className="badge badge-moss">You have a mentor</span> : <span className="badge badge-moss">Looking for a mentor</span>}</p>
            {mentee.goals.length ? <p className="small">Goals: {mentee.goals.join(', ')}</p> : null}
            <ul className="skill-list" aria-label="Skills you want to grow">
              {mentee.skills.map((s) => (
                <li key={s.skill}>
                  <span>{s.skill}</span> <SkillLevel level={s.level} kind="want" />
                </li>
              ))}
            </ul>
          </div>
        ) : (
          <div className="profile-cta">
            <p>Tell us your goals and the skills you want to grow. You get mentor suggestions, and programme matching includes you.</p>
            <Button onClick={() => setEditing('mentee')}>
              <Icon name="search" size={18} /> Find a mentor
            </Button>
          </div>
        )}
      </Card>
    </div>
  );
}
