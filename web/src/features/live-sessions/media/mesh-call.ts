// A peer-to-peer mesh call for a breakout group of up to 4: one RTCPeerConnection per other member, negotiated with
// the "perfect negotiation" pattern over signals that the server relays within the group's channel. No media server:
// with at most 3 peers each browser sends its stream 3 times, which a laptop and an office network carry easily.

/** How the connection to one peer is doing. */
export type PeerState = 'waiting' | 'connecting' | 'connected' | 'failed';

/** Where the call is: not joined, asking for the camera/microphone, in the call, or media denied/unavailable. */
export type CallStatus = 'idle' | 'starting' | 'joined' | 'unavailable';

/** One peer as the screen shows it. */
export interface PeerView {
  id: string;
  state: PeerState;
  /** RTCPeerConnection.connectionState ('new' when there is none). */
  connectionState: string;
  /** RTCPeerConnection.iceConnectionState ('new' when there is none). */
  iceState: string;
  /** Their audio and video, once tracks arrived. */
  stream: MediaStream | null;
  /** Their microphone is off (as they told us). */
  muted: boolean;
  /** Their camera is on (as they told us). */
  camera: boolean;
}

/** Everything a screen needs; a new object after every change (for useSyncExternalStore). */
export interface CallSnapshot {
  status: CallStatus;
  /** Why media is unavailable: the browser's error name (NotAllowedError, NotFoundError, …) when status is unavailable. */
  mediaError: string | null;
  local: MediaStream | null;
  muted: boolean;
  camera: boolean;
  /** The call has a camera track to turn on (false when only a microphone was available). */
  hasCamera: boolean;
  peers: PeerView[];
}

/** Sends one signal to one person; false when it could not be sent now (it is queued and resent). */
export type SignalSender = (to: string, data: Record<string, unknown>) => boolean;

export interface MeshCallOptions {
  /** The signed-in person. */
  me: string;
  send: SignalSender;
  /** STUN/TURN servers; none by default (peers on the same network reach each other by host candidates). */
  iceServers?: RTCIceServer[];
  /** A peer that has not connected this long after negotiation began counts as failed. */
  connectTimeoutMs?: number;
  /** Asks for the camera and microphone (injectable for tests). */
  getUserMedia?: (constraints: MediaStreamConstraints) => Promise<MediaStream>;
}

/** Signals are JSON objects of at most 7000 bytes; an SDP longer than this is sent in parts. */
const SDP_PART_CHARS = 5000;
/** Candidates found within this window travel in one signal (fewer messages against the socket's flood guard). */
const CANDIDATE_BATCH_MS = 40;

const VIDEO: MediaTrackConstraints = { width: { ideal: 640 }, height: { ideal: 360 }, frameRate: { max: 24 } };

interface Peer {
  id: string;
  /** The polite peer yields when both offer at once: the one with the smaller person id. */
  polite: boolean;
  /** Call instance of the peer we are negotiating with (a reload or a new tab starts a new one). */
  remoteSid: string | null;
  pc: RTCPeerConnection | null;
  makingOffer: boolean;
  ignoreOffer: boolean;
  /** Incoming signals are handled one after another. */
  queue: Promise<void>;
  stream: MediaStream | null;
  state: PeerState;
  muted: boolean;
  camera: boolean;
  candidates: RTCIceCandidateInit[];
  candidateTimer: ReturnType<typeof setTimeout> | undefined;
  sdpParts: string[];
  connectTimer: ReturnType<typeof setTimeout> | undefined;
  restarted: boolean;
  /** Our tracks are in this connection (the polite side adds them when the first offer arrives). */
  tracksAdded: boolean;
}

type Signal = Record<string, unknown> & { kind?: unknown; sid?: unknown; toSid?: unknown };

/** The mesh call controller: plain TypeScript, no React. */
export class MeshCall {
  private readonly me: string;
  private readonly send: SignalSender;
  private readonly iceServers: RTCIceServer[];
  private readonly connectTimeoutMs: number;
  private readonly getUserMedia: (c: MediaStreamConstraints) => Promise<MediaStream>;
  /**
   * This call instance, new on every join: signals name it so a reloaded tab, a second tab or a rejoin never applies
   * answers meant for another instance. A connection is only ever replaced when the other side's instance changes,
   * so both ends always replace it together.
   */
  private sid = newSid();
  private peers = new Map<string, Peer>();
  private status: CallStatus = 'idle';
  private mediaError: string | null = null;
  private local: MediaStream | null = null;
  private muted = false;
  private camera = false;
  private hasCameraDevice = false;
  private ready = false;
  private outbox: { to: string; data: Record<string, unknown> }[] = [];
  private listeners = new Set<() => void>();
  private snapshot: CallSnapshot;
  private destroyed = false;

  constructor(opts: MeshCallOptions) {
    this.me = opts.me;
    this.send = opts.send;
    this.iceServers = opts.iceServers ?? [];
    this.connectTimeoutMs = opts.connectTimeoutMs ?? 15_000;
    this.getUserMedia = opts.getUserMedia ?? ((c) => navigator.mediaDevices.getUserMedia(c));
    this.snapshot = this.build();
  }

  // ---------- store for React ----------

  /** Calls `listener` after every change until the returned function is called. */
  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  /** The current state (same object until something changes). */
  getSnapshot = () => this.snapshot;

  private changed() {
    this.snapshot = this.build();
    for (const l of [...this.listeners]) l();
  }

  private build(): CallSnapshot {
    return {
      status: this.status,
      mediaError: this.mediaError,
      local: this.local,
      muted: this.muted,
      camera: this.camera,
      hasCamera: this.hasCameraDevice,
      peers: [...this.peers.values()].map((p) => ({
        id: p.id,
        state: p.state,
        connectionState: p.pc?.connectionState ?? 'new',
        iceState: p.pc?.iceConnectionState ?? 'new',
        stream: p.stream,
        muted: p.muted,
        camera: p.camera,
      })),
    };
  }

  // ---------- membership and transport ----------

  /** The other members of the group (the list may change: late joiners, people leaving the group). */
  setPeers(ids: string[]) {
    const wanted = new Set(ids.filter((id) => id !== this.me));
    for (const id of [...this.peers.keys()]) if (!wanted.has(id)) this.dropPeer(id);
    for (const id of wanted) {
      if (this.peers.has(id)) continue;
      this.peers.set(id, this.newPeer(id));
      if (this.status === 'joined') this.signal(id, { kind: 'hello' });
    }
    this.changed();
  }

  /**
   * The socket follows the channel (true) or not (false: disconnected, resubscribing). Signals wait while not ready;
   * once ready again everybody is greeted again, so peers who missed something renegotiate.
   */
  setReady(ready: boolean) {
    this.ready = ready;
    if (!ready) return;
    const queued = this.outbox;
    this.outbox = [];
    for (const m of queued) this.signal(m.to, m.data);
    if (this.status === 'joined') for (const id of this.peers.keys()) this.signal(id, { kind: 'hello' });
  }

  private signal(to: string, data: Record<string, unknown>) {
    const full = { ...data, sid: this.sid };
    if (!this.ready || !this.send(to, full)) this.outbox.push({ to, data });
  }

  // ---------- joining and leaving ----------

  /** Asks for the microphone and camera (a click, never automatic) and greets the group. */
  async join() {
    if (this.status === 'starting' || this.status === 'joined' || this.destroyed) return;
    this.status = 'starting';
    this.sid = newSid();
    this.mediaError = null;
    this.changed();
    let stream: MediaStream | null = null;
    try {
      stream = await this.getUserMedia({ audio: true, video: VIDEO });
    } catch (err) {
      const name = errorName(err);
      // No camera (or it is busy): join with the microphone alone. A refusal is not asked twice.
      if (name !== 'NotAllowedError' && name !== 'SecurityError') stream = await this.getUserMedia({ audio: true, video: false }).catch(() => null);
      if (!stream) this.mediaError = name;
    }
    if (this.destroyed) return stopAll(stream);
    if (!stream) {
      this.status = 'unavailable';
      this.changed();
      return;
    }
    this.local = stream;
    this.hasCameraDevice = stream.getVideoTracks().length > 0;
    this.camera = this.hasCameraDevice;
    this.muted = false;
    this.status = 'joined';
    this.changed();
    for (const id of this.peers.keys()) this.signal(id, { kind: 'hello' });
  }

  /** Leaves the call: tells the peers, closes every connection and releases the camera and microphone. */
  leave() {
    if (this.status === 'joined') for (const p of this.peers.values()) if (p.remoteSid) this.signal(p.id, { kind: 'bye', toSid: p.remoteSid });
    for (const p of this.peers.values()) this.resetPeer(p, 'waiting');
    stopAll(this.local);
    this.local = null;
    this.status = 'idle';
    this.mediaError = null;
    this.changed();
  }

  /** Leaves and forgets everything (the component unmounts). */
  destroy() {
    this.leave();
    this.destroyed = true;
    this.outbox = [];
    this.listeners.clear();
  }

  // ---------- toggles ----------

  /** Turns the microphone off or on (the track keeps flowing as silence, so no renegotiation is needed). */
  setMuted(muted: boolean) {
    this.muted = muted;
    for (const t of this.local?.getAudioTracks() ?? []) t.enabled = !muted;
    this.announceState();
    this.changed();
  }

  /**
   * Turns the camera off (the track is stopped, so the camera light goes out, and the senders send nothing) or on
   * again (a fresh track replaces the empty sender; a connection that never had video renegotiates to add it).
   */
  setCamera(on: boolean): Promise<void> {
    // One change at a time: a quick "on" after "off" waits until the senders are emptied, or the off would empty the
    // new track's sender too.
    this.cameraChange = this.cameraChange.then(() => this.applyCamera(on)).catch(() => {});
    return this.cameraChange;
  }

  private cameraChange: Promise<void> = Promise.resolve();

  private async applyCamera(on: boolean) {
    if (!this.local || this.status !== 'joined') return;
    if (!on) {
      for (const t of this.local.getVideoTracks()) {
        t.stop();
        this.local.removeTrack(t);
      }
      // The button and the others' tiles follow at once; the senders are emptied after.
      this.camera = false;
      this.announceState();
      this.changed();
      for (const p of this.peers.values()) for (const s of p.pc?.getSenders() ?? []) if (s.track?.kind === 'video') await s.replaceTrack(null).catch(() => {});
      return;
    }
    let track: MediaStreamTrack | undefined;
    try {
      track = (await this.getUserMedia({ video: VIDEO })).getVideoTracks()[0];
    } catch {
      track = undefined;
    }
    if (!track || !this.local || this.status !== 'joined') {
      track?.stop();
      this.changed();
      return;
    }
    this.local.addTrack(track);
    this.hasCameraDevice = true;
    for (const p of this.peers.values()) {
      if (!p.pc) continue;
      const empty = p.pc.getTransceivers().find((tr) => tr.receiver.track.kind === 'video' && !tr.sender.track && tr.currentDirection !== 'stopped');
      if (empty) {
        await empty.sender.replaceTrack(track).catch(() => {});
        if (empty.direction === 'recvonly' || empty.direction === 'inactive') empty.direction = 'sendrecv';
      } else p.pc.addTrack(track, this.local);
    }
    this.camera = true;
    this.announceState();
    this.changed();
  }

  private announceState() {
    for (const p of this.peers.values()) if (p.remoteSid && p.pc) this.signal(p.id, { kind: 'state', toSid: p.remoteSid, muted: this.muted, camera: this.camera });
  }

  // ---------- incoming signals ----------

  /** A signal from `from` relayed by the server (the server vouches for `from`). */
  receive(from: string, data: Signal) {
    const peer = this.peers.get(from);
    if (!peer || this.status !== 'joined' || typeof data.sid !== 'string') return;
    peer.queue = peer.queue.then(() => this.handle(peer, data)).catch((err) => console.warn('breakout call: signal failed', err));
  }

  /** The server refused a signal to `to` (they left the group, or the breakout ended): not reachable for now. */
  refused(to: string | undefined) {
    const peer = to ? this.peers.get(to) : undefined;
    if (!peer || peer.state === 'connected' || peer.state === 'waiting') return;
    this.fail(peer);
  }

  private async handle(peer: Peer, data: Signal) {
    const sid = data.sid as string;
    const kind = data.kind;
    if (kind === 'hello') {
      // A new call instance (first contact, reload, new tab, rejoin) starts over; the same one greeting again (after a
      // reconnect) keeps its connection, even a failing one: that one recovers by ICE restart, never by replacing it
      // on one side only.
      if (peer.remoteSid !== sid || !peer.pc) {
        this.resetPeer(peer, 'connecting');
        peer.remoteSid = sid;
        this.connect(peer);
      }
      if (data.ack !== true) this.signal(peer.id, { kind: 'hello', ack: true });
      this.signal(peer.id, { kind: 'state', toSid: sid, muted: this.muted, camera: this.camera });
      this.changed();
      return;
    }
    if (data.toSid !== this.sid) return; // meant for another tab or an earlier instance of mine
    if (kind === 'bye') {
      if (peer.remoteSid === sid) {
        this.resetPeer(peer, 'waiting');
        this.changed();
      }
      return;
    }
    if (peer.remoteSid !== sid) {
      // Only an offer may open a new conversation; anything else belongs to an instance we already left behind.
      if (kind !== 'offer' || (typeof data.part === 'number' && data.part > 0)) return;
      this.resetPeer(peer, 'connecting');
      peer.remoteSid = sid;
      this.connect(peer);
    }
    const pc = peer.pc;
    if (!pc) return;
    if (kind === 'state') {
      peer.muted = data.muted === true;
      peer.camera = data.camera === true;
      this.changed();
    } else if (kind === 'offer' || kind === 'answer') {
      const sdp = this.assemble(peer, data);
      if (sdp === null) return;
      const offerCollision = kind === 'offer' && (peer.makingOffer || pc.signalingState !== 'stable');
      peer.ignoreOffer = !peer.polite && offerCollision;
      if (peer.ignoreOffer) return;
      if (kind === 'answer' && pc.signalingState !== 'have-local-offer') return; // a late answer to a rolled-back offer
      await pc.setRemoteDescription({ type: kind, sdp });
      if (kind === 'offer') {
        // The polite side sends its tracks in the answer to the first offer (they take the offered transceivers).
        this.addLocalTracks(peer, pc);
        await pc.setLocalDescription();
        this.sendDescription(peer, pc.localDescription);
      }
    } else if (kind === 'candidate' && Array.isArray(data.candidates)) {
      for (const c of data.candidates as RTCIceCandidateInit[]) {
        try {
          await pc.addIceCandidate(c);
        } catch (err) {
          if (!peer.ignoreOffer) console.warn('breakout call: candidate rejected', err);
        }
      }
    }
  }

  /** Reassembles an SDP sent in parts; null until the last part arrived. */
  private assemble(peer: Peer, data: Signal): string | null {
    if (typeof data.sdp === 'string') return data.sdp;
    const part = data.part;
    const parts = data.parts;
    const text = data.sdpPart;
    if (typeof part !== 'number' || typeof parts !== 'number' || typeof text !== 'string' || parts > 8) return null;
    if (part === 0) peer.sdpParts = [];
    if (peer.sdpParts.length !== part) return null; // a gap: the relay keeps order, so this is a stale leftover
    peer.sdpParts.push(text);
    return part === parts - 1 ? peer.sdpParts.join('') : null;
  }

  private sendDescription(peer: Peer, desc: RTCSessionDescription | null) {
    if (!desc || !peer.remoteSid) return;
    const base = { kind: desc.type, toSid: peer.remoteSid };
    if (desc.sdp.length <= SDP_PART_CHARS) return this.signal(peer.id, { ...base, sdp: desc.sdp });
    const parts = Math.ceil(desc.sdp.length / SDP_PART_CHARS);
    for (let i = 0; i < parts; i++) this.signal(peer.id, { ...base, part: i, parts, sdpPart: desc.sdp.slice(i * SDP_PART_CHARS, (i + 1) * SDP_PART_CHARS) });
  }

  // ---------- peer connections ----------

  private newPeer(id: string): Peer {
    return {
      id,
      polite: this.me < id,
      remoteSid: null,
      pc: null,
      makingOffer: false,
      ignoreOffer: false,
      queue: Promise.resolve(),
      stream: null,
      state: 'waiting',
      muted: false,
      camera: false,
      candidates: [],
      candidateTimer: undefined,
      sdpParts: [],
      connectTimer: undefined,
      restarted: false,
      tracksAdded: false,
    };
  }

  /** Opens the connection to a peer who is in the call: our tracks go in, negotiation starts by itself. */
  private connect(peer: Peer) {
    const pc = new RTCPeerConnection({ iceServers: this.iceServers, bundlePolicy: 'max-bundle' });
    peer.pc = pc;
    peer.state = 'connecting';
    peer.stream = null;
    const current = () => peer.pc === pc;
    pc.onnegotiationneeded = async () => {
      try {
        peer.makingOffer = true;
        await pc.setLocalDescription();
        if (current()) this.sendDescription(peer, pc.localDescription);
      } catch (err) {
        console.warn('breakout call: offer failed', err);
      } finally {
        peer.makingOffer = false;
      }
    };
    pc.onicecandidate = ({ candidate }) => {
      if (!candidate || !current()) return;
      peer.candidates.push(candidate.toJSON());
      peer.candidateTimer ??= setTimeout(() => {
        peer.candidateTimer = undefined;
        const batch = peer.candidates.splice(0);
        if (batch.length && current() && peer.remoteSid) this.signal(peer.id, { kind: 'candidate', toSid: peer.remoteSid, candidates: batch });
      }, CANDIDATE_BATCH_MS);
    };
    pc.ontrack = ({ track, streams }) => {
      if (!current()) return;
      const stream = streams[0] ?? peer.stream ?? new MediaStream();
      if (!stream.getTracks().includes(track)) stream.addTrack(track);
      peer.stream = stream;
      this.changed();
    };
    pc.onconnectionstatechange = () => {
      if (!current()) return;
      const s = pc.connectionState;
      if (s === 'connected') {
        peer.state = 'connected';
        clearTimeout(peer.connectTimer);
      } else if (s === 'failed') {
        // One ICE restart by the impolite side (a network change); a second failure is final until the peer greets again.
        if (!peer.restarted && !peer.polite) {
          peer.restarted = true;
          pc.restartIce();
        } else this.fail(peer);
      } else if (s === 'disconnected' || s === 'connecting') {
        if (peer.state !== 'failed') peer.state = 'connecting';
      }
      this.changed();
    };
    pc.oniceconnectionstatechange = () => current() && this.changed();
    // Only the impolite side offers first (its tracks trigger the negotiation); the polite side waits for that offer.
    // Both could offer at once and perfect negotiation would sort it out, but a single first offer is faster and
    // avoids rollbacks. Later changes (camera on) may come from either side.
    peer.tracksAdded = false;
    if (!peer.polite) this.addLocalTracks(peer, pc);
    clearTimeout(peer.connectTimer);
    peer.connectTimer = setTimeout(() => {
      if (!current() || pc.connectionState === 'connected') return;
      // Too slow: say so (the chat fallback shows), and try once more with fresh ICE credentials in the background;
      // if that connects, the state turns `connected` and the fallback goes away.
      this.fail(peer);
      if (!peer.polite && !peer.restarted && pc.signalingState !== 'closed') {
        peer.restarted = true;
        pc.restartIce();
      }
    }, this.connectTimeoutMs);
  }

  private addLocalTracks(peer: Peer, pc: RTCPeerConnection) {
    if (peer.tracksAdded || !this.local) return;
    peer.tracksAdded = true;
    const sending = new Set(pc.getSenders().map((sender) => sender.track));
    for (const track of this.local.getTracks()) if (!sending.has(track)) pc.addTrack(track, this.local);
  }

  private fail(peer: Peer) {
    peer.state = 'failed';
    clearTimeout(peer.connectTimer);
    this.changed();
  }

  private resetPeer(peer: Peer, state: PeerState) {
    clearTimeout(peer.connectTimer);
    clearTimeout(peer.candidateTimer);
    peer.candidateTimer = undefined;
    peer.candidates = [];
    peer.sdpParts = [];
    peer.pc?.close();
    peer.pc = null;
    peer.remoteSid = null;
    peer.stream = null;
    peer.makingOffer = false;
    peer.ignoreOffer = false;
    peer.restarted = false;
    peer.muted = false;
    peer.camera = false;
    peer.state = state;
  }

  private dropPeer(id: string) {
    const peer = this.peers.get(id);
    if (!peer) return;
    if (peer.remoteSid && this.status === 'joined') this.signal(id, { kind: 'bye', toSid: peer.remoteSid });
    this.resetPeer(peer, 'waiting');
    this.peers.delete(id);
  }
}

function newSid() {
  return Math.random().toString(36).slice(2, 12);
}

function errorName(err: unknown): string {
  return err instanceof Error || (typeof err === 'object' && err !== null && 'name' in err) ? String((err as { name: unknown }).name) : 'Error';
}

function stopAll(stream: MediaStream | null) {
  for (const t of stream?.getTracks() ?? []) t.stop();
}
