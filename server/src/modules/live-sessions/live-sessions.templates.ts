// Agenda templates: the recommended graduated sequence (icebreakers → polls and chat → groups of 3–4 → learning
// partners → reflection → opt-in debrief) and a blank one.
import type { SegmentInput } from '../../../../contracts/index.ts';

/** The recommended graduated sequence, or one plenary. */
export function templateSegments(template: 'graduated' | 'blank'): SegmentInput[] {
  if (template === 'blank') return [{ kind: 'plenary', title: 'Plenary', prompt: '', durationMinutes: 30, config: {} }];
  return [
    { kind: 'plenary', title: 'Welcome', prompt: 'What we will do today. What is shared in this session stays in this session.', durationMinutes: 5, config: {} },
    { kind: 'icebreaker', title: 'Icebreaker in threes', prompt: 'Share one small thing that made you smile this week.', durationMinutes: 8, config: { groupSize: 3 } },
    { kind: 'poll', title: 'Quick poll', prompt: '', durationMinutes: 3, config: { question: 'How confident do you feel about today’s topic?', type: 'rating', scale: 5 } },
    { kind: 'chat', title: 'Open chat', prompt: 'What do you hope to take away today?', durationMinutes: 5, config: {} },
    { kind: 'groups', title: 'Small-group discussion', prompt: 'Discuss a recent challenge and what helped. Note the ideas worth keeping.', durationMinutes: 15, config: { groupSize: 4 } },
    { kind: 'pairs', title: 'Learning partners', prompt: 'Agree one thing each of you will try before the next session.', durationMinutes: 10, config: {} },
    { kind: 'reflection', title: 'Reflection', prompt: 'Write down one insight for yourself.', durationMinutes: 5, config: {} },
    { kind: 'debrief', title: 'Debrief (opt-in)', prompt: 'Groups whose members all agree can share their notes with everyone. Learning-partner talks stay private.', durationMinutes: 10, config: {} },
  ];
}
