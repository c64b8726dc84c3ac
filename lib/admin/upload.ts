// Reading uploaded article files from a multipart form, within limits checked while reading.
import path from "node:path";
import { HttpError } from "@/lib/api/errors";
import type { Rejection } from "@/lib/ingest/run";

/** Per file (a news article is a few kilobytes), per upload, and for the whole request body. */
export const MAX_UPLOAD_FILE_BYTES = 1024 * 1024;
export const MAX_UPLOAD_FILES = 20;
const MAX_UPLOAD_BODY_BYTES = MAX_UPLOAD_FILES * MAX_UPLOAD_FILE_BYTES + 64 * 1024;

export interface Upload {
  name: string;
  bytes: Uint8Array;
}

/** The request body, refusing (413) to read past `max` bytes whatever Content-Length says. */
async function readBodyLimited(request: Request, max = MAX_UPLOAD_BODY_BYTES): Promise<Uint8Array> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > max) throw new HttpError(413, `upload too large: over ${max} bytes`);
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      throw new HttpError(413, `upload too large: over ${max} bytes`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/** A file name fit for messages: its last path part, printable, at most 120 characters. */
function safeFileName(name: string, fallback: string): string {
  const base = path
    .basename(name.replace(/\\/g, "/"))
    .replace(/[\u0000-\u001f\u007f]/g, "")
    .trim()
    .slice(0, 120);
  return base || fallback;
}

/**
 * The files of a multipart upload: every `files` entry, plus the `text` field (pasted text) as
 * "pasted.txt". Files over the per-file limit come back as rejections with the CLI's wording.
 */
export async function readUploads(request: Request): Promise<{ uploads: Upload[]; rejections: Rejection[] }> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data|^application\/x-www-form-urlencoded/i.test(type)) {
    throw new HttpError(415, "send the files as multipart/form-data (fields `files` and/or `text`)");
  }
  const body = await readBodyLimited(request);
  let form: FormData;
  try {
    form = await new Response(body as BodyInit, { headers: { "content-type": type } }).formData();
  } catch {
    throw new HttpError(400, "the form data could not be read");
  }
  const uploads: Upload[] = [];
  const rejections: Rejection[] = [];
  const add = (name: string, bytes: Uint8Array) => {
    if (bytes.byteLength > MAX_UPLOAD_FILE_BYTES) {
      rejections.push({
        file: name,
        line: null,
        field: null,
        message: `file is ${bytes.byteLength} bytes, over the ${MAX_UPLOAD_FILE_BYTES}-byte limit`,
      });
    } else {
      uploads.push({ name, bytes });
    }
  };
  // A browser sends a textarea's line ends as CRLF; the article as typed has LF.
  const pasted = form
    .getAll("text")
    .filter((v): v is string => typeof v === "string" && v.trim() !== "")
    .map((v) => v.replace(/\r\n?/g, "\n"));
  pasted.forEach((text, i) =>
    add(pasted.length > 1 ? `pasted-${i + 1}.txt` : "pasted.txt", new TextEncoder().encode(text)),
  );
  let n = 0;
  for (const entry of form.getAll("files")) {
    if (typeof entry === "string") continue;
    if (entry.size === 0 && !entry.name) continue; // an empty file input
    n++;
    add(safeFileName(entry.name, `upload-${n}.txt`), new Uint8Array(await entry.arrayBuffer()));
  }
  if (uploads.length + rejections.length === 0)
    throw new HttpError(400, "no files: add files (`files`) or paste an article (`text`)");
  if (uploads.length + rejections.length > MAX_UPLOAD_FILES)
    throw new HttpError(413, `too many files: at most ${MAX_UPLOAD_FILES} at a time`);
  return { uploads, rejections };
}
