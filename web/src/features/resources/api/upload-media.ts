import { type Media, type MediaKind, RESOURCE_LIMITS } from '../../../../../contracts/index.ts';
import { ApiError } from '../../../lib/api-error.ts';
import { csrfToken } from '../../../lib/csrf-token.ts';

const MB = 1024 * 1024;

/** The kind a browser-declared file type suggests (the server decides from the content). */
export function guessKind(file: File): MediaKind | null {
  if (file.type === 'application/pdf' || /\.pdf$/i.test(file.name)) return 'pdf';
  const top = file.type.split('/')[0];
  if ((top === 'image' || top === 'audio' || top === 'video') && !file.type.includes('svg')) return top;
  return null;
}

/** A message before uploading when the file is obviously too large or of a type that will be refused; null when fine. */
export function precheck(file: File): string | null {
  const kind = guessKind(file);
  if (!kind) return 'This file type is not accepted. Upload an image (JPEG, PNG, GIF, WebP), audio (MP3, M4A, OGG, WAV), video (MP4, MOV, WebM) or a PDF.';
  const limit = RESOURCE_LIMITS.mediaBytes[kind];
  if (file.size > limit) return `This file is ${(file.size / MB).toFixed(1)} MB; ${kind === 'pdf' ? 'PDFs' : `${kind} files`} can be at most ${limit / MB} MB.`;
  return null;
}

/** Limits shown next to the file picker. */
export const LIMITS_TEXT = `Images up to ${RESOURCE_LIMITS.mediaBytes.image / MB} MB, audio ${RESOURCE_LIMITS.mediaBytes.audio / MB} MB, video ${RESOURCE_LIMITS.mediaBytes.video / MB} MB, PDF ${RESOURCE_LIMITS.mediaBytes.pdf / MB} MB.`;

/**
 * Uploads one file with XMLHttpRequest (fetch cannot report upload progress), calling `onProgress` with 0–1.
 * Refusals come back as ApiError with the server's 413/415 explanation.
 */
export function uploadMedia(file: File, communityId: string | null, onProgress: (fraction: number) => void, signal?: AbortSignal): Promise<Media> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/media${communityId ? `?communityId=${communityId}` : ''}`);
    const token = csrfToken.get();
    if (token) xhr.setRequestHeader('x-csrf-token', token);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => {
      let data: Record<string, unknown> = {};
      try {
        data = JSON.parse(xhr.responseText || '{}');
      } catch {}
      if (xhr.status === 201) return resolve(data as Media);
      const fallback =
        xhr.status === 413 ? 'This file is too large.' : xhr.status === 415 ? 'This file type is not accepted.' : `The upload failed (HTTP ${xhr.status}). Please try again.`;
      reject(
        new ApiError({
          status: xhr.status,
          code: String(data.code ?? `HTTP_${xhr.status}`),
          title: String(data.title ?? 'Upload failed'),
          detail: String(data.detail ?? fallback),
          errors: data.errors as { field: string; message: string }[] | undefined,
        }),
      );
    };
    xhr.onerror = () => reject(ApiError.network('The upload was interrupted. If the file is large, check the size limits, then try again.'));
    xhr.onabort = () => reject(new DOMException('Upload cancelled', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort());
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}
