import type { Media } from '../../../../../contracts/index.ts';
import { Icon } from '../../../components/ui/icon.tsx';

const MB = 1024 * 1024;
const size = (b: number) => (b >= MB ? `${(b / MB).toFixed(1)} MB` : `${Math.max(1, Math.round(b / 1024))} KB`);

/** Shows an uploaded file: image, audio or video player pointing at /api/media/:id, or a PDF download. */
export function MediaView({ media, title, compact }: { media: Media; title: string; compact?: boolean }) {
  if (media.kind === 'image') return <img className={compact ? 'media-thumb' : 'media-image'} src={media.url} alt={compact ? '' : title} loading="lazy" />;
  if (compact) return null;
  if (media.kind === 'audio')
    return (
      // biome-ignore lint/a11y/useMediaCaption: learner uploads come without caption tracks
      <audio className="media-audio" controls preload="metadata" src={media.url} aria-label={title} />
    );
  if (media.kind === 'video')
    return (
      // biome-ignore lint/a11y/useMediaCaption: learner uploads come without caption tracks
      <video className="media-video" controls preload="metadata" playsInline src={media.url} aria-label={title} />
    );
  return (
    <a className="btn btn-secondary" href={media.url} download={media.originalName}>
      <Icon name="download" size={18} /> Download PDF ({size(media.sizeBytes)})
    </a>
  );
}
