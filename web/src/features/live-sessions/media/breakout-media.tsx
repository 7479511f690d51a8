import { useEffect, useId, useRef } from 'react';
import { Button } from '../../../components/ui/button.tsx';
import type { PeerState, PeerView } from './mesh-call.ts';
import { type CallMember, useMeshCall } from './use-mesh-call.ts';
import './breakout-media.css';

/** The fallback line the group sees whenever audio/video cannot work; the group chat carries on. */
export const MEDIA_FALLBACK = 'Audio/video unavailable — keep talking in the group chat';

const PEER_LABEL: Record<PeerState, string> = {
  waiting: 'Not in the call',
  connecting: 'Connecting…',
  connected: 'Connected',
  failed: 'Could not connect',
};

const MEDIA_ERROR: Record<string, string> = {
  NotAllowedError: 'Your browser blocked the camera and microphone for this site.',
  SecurityError: 'Your browser blocked the camera and microphone for this site.',
  NotFoundError: 'No microphone or camera was found.',
  NotReadableError: 'Your microphone or camera is in use by another app.',
};

/**
 * Audio/video for a breakout group or pair of up to 4: a peer-to-peer mesh, opt-in (nothing starts before
 * "Join audio/video"), with mute and camera toggles and a fallback to the group chat when media is denied or peers
 * cannot connect. `members` may include `me`.
 */
export function BreakoutMedia({
  groupId,
  me,
  members,
  iceServers,
  connectTimeoutMs,
}: {
  groupId: string;
  me: CallMember;
  members: CallMember[];
  iceServers?: RTCIceServer[];
  connectTimeoutMs?: number;
}) {
  const others = members.filter((m) => m.id !== me.id);
  const call = useMeshCall(`live-group:${groupId}`, me.id, others, { iceServers, connectTimeoutMs });
  const headingId = useId();
  const peers = new Map(call.peers.map((p) => [p.id, p]));
  const failed = others.filter((m) => peers.get(m.id)?.state === 'failed');
  const joined = call.status === 'joined';
  const showFallback = call.status === 'unavailable' || (joined && failed.length > 0);

  return (
    <section className="breakout-media" aria-labelledby={headingId} data-call-status={call.status}>
      <div className="bm-head">
        <div>
          <h3 id={headingId} className="bm-title">
            Audio &amp; video
          </h3>
          <p className="bm-note">Only your group sees and hears you. Nothing is recorded.</p>
        </div>
        {joined ? (
          <Button variant="ghost" size="sm" onClick={call.leave}>
            Leave audio/video
          </Button>
        ) : null}
      </div>

      {showFallback ? (
        <div className="bm-fallback" role="alert">
          <p className="bm-fallback-title">{MEDIA_FALLBACK}</p>
          <p className="bm-fallback-detail">
            {call.status === 'unavailable'
              ? (MEDIA_ERROR[call.mediaError ?? ''] ?? 'Your microphone or camera could not be started.')
              : `Could not connect to ${failed.map((m) => m.name).join(', ')}. Your network may block direct connections.`}
          </p>
          <Button
            variant="secondary"
            size="sm"
            onClick={() => {
              call.leave();
              call.join();
            }}
          >
            Try again
          </Button>
        </div>
      ) : null}

      {call.status === 'idle' ? (
        <div className="bm-join">
          <Button onClick={call.join}>Join audio/video</Button>
          <p className="bm-note">Your camera and microphone stay off until you join. You can mute or turn the camera off at any time.</p>
        </div>
      ) : null}
      {call.status === 'starting' ? (
        <p className="bm-note" role="status">
          Asking for your camera and microphone…
        </p>
      ) : null}

      {joined ? (
        <>
          <ul className="bm-tiles" data-count={others.length + 1}>
            <li className="bm-tile bm-tile-local" data-local="true">
              <StreamVideo stream={call.local} local show={call.camera} />
              {call.camera ? null : <Initials name={me.name} />}
              <TileLabel name={`${me.name} (you)`} muted={call.muted} />
            </li>
            {others.map((m) => (
              <PeerTile key={m.id} member={m} peer={peers.get(m.id)} />
            ))}
          </ul>
          <div className="bm-controls" role="group" aria-label="Call controls">
            <button type="button" className="bm-toggle" aria-pressed={call.muted} onClick={() => call.setMuted(!call.muted)}>
              <MediaIcon name={call.muted ? 'micOff' : 'mic'} />
              <span>Mute</span>
            </button>
            <button type="button" className="bm-toggle" aria-pressed={!call.camera} disabled={!call.hasCamera} onClick={() => call.setCamera(!call.camera)}>
              <MediaIcon name={call.camera ? 'video' : 'videoOff'} />
              <span>Camera off</span>
            </button>
          </div>
          <p className="bm-sr" aria-live="polite">
            {others.map((m) => `${m.name}: ${PEER_LABEL[peers.get(m.id)?.state ?? 'waiting']}`).join('. ')}
          </p>
        </>
      ) : null}
    </section>
  );
}

function PeerTile({ member, peer }: { member: CallMember; peer: PeerView | undefined }) {
  const state = peer?.state ?? 'waiting';
  const hasVideo = !!peer?.stream?.getVideoTracks().length && peer.camera;
  return (
    <li className="bm-tile" data-peer-id={member.id} data-peer-state={state} data-connection-state={peer?.connectionState ?? 'new'} data-ice-state={peer?.iceState ?? 'new'}>
      {peer?.stream ? <StreamVideo stream={peer.stream} show={hasVideo} /> : null}
      {hasVideo ? null : <Initials name={member.name} />}
      <TileLabel name={member.name} muted={state === 'connected' && !!peer?.muted} state={state} />
    </li>
  );
}

function TileLabel({ name, muted, state }: { name: string; muted: boolean; state?: PeerState }) {
  return (
    <div className="bm-label">
      <span className="bm-name">{name}</span>
      {muted ? (
        <span className="bm-muted" data-muted="true">
          <MediaIcon name="micOff" size={14} />
          <span>muted</span>
        </span>
      ) : null}
      {state && state !== 'connected' ? (
        <span className="bm-state" data-state={state}>
          {PEER_LABEL[state]}
        </span>
      ) : null}
    </div>
  );
}

/** A <video> playing a stream; our own preview is muted (no echo) and mirrored. Hidden, it still plays the audio. */
function StreamVideo({ stream, local, show }: { stream: MediaStream | null; local?: boolean; show: boolean }) {
  const ref = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    const v = ref.current;
    if (!v) return;
    v.muted = !!local;
    if (v.srcObject !== stream) v.srcObject = stream;
    if (stream) void v.play().catch(() => {});
  }, [stream, local]);
  return <video ref={ref} className="bm-video" data-remote={local ? undefined : 'true'} data-local-video={local ? 'true' : undefined} autoPlay playsInline muted={!!local} hidden={!show} />;
}

function Initials({ name }: { name: string }) {
  const initials = name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]?.toUpperCase())
    .join('');
  return (
    <div className="bm-initials" aria-hidden="true">
      {initials || '?'}
    </div>
  );
}

const ICONS = {
  mic: 'M12 3a3 3 0 0 1 3 3v6a3 3 0 0 1-6 0V6a3 3 0 0 1 3-3zM5 11a7 7 0 0 0 14 0M12 18v3',
  micOff: 'M3 3l18 18M9 9v3a3 3 0 0 0 5.1 2.1M15 9.3V6a3 3 0 0 0-5.9-.8M5 11a7 7 0 0 0 11.4 5.4M19 11a7 7 0 0 1-.7 3M12 18v3',
  video: 'M4 7h11a1 1 0 0 1 1 1v8a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V8a1 1 0 0 1 1-1zM16 10.5l5-3v9l-5-3',
  videoOff: 'M3 3l18 18M10 7h5a1 1 0 0 1 1 1v5M16 16.5V16a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V8a1 1 0 0 1 1-1h1M16 10.5l5-3v9l-3-1.8',
} as const;

function MediaIcon({ name, size = 18 }: { name: keyof typeof ICONS; size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <path d={ICONS[name]} />
    </svg>
  );
}
