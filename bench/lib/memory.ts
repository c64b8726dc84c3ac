// Peak memory of this process: the kernel's high-water mark (VmHWM) plus sampled RSS.
import { readFileSync } from "node:fs";

export function vmHwmBytes(): number | null {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync("/proc/self/status", "utf8"));
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** Samples RSS every `everyMs`; stop() returns the peak seen and the samples. */
export function sampleRss(everyMs = 100) {
  const samples: number[] = [];
  const take = () => samples.push(process.memoryUsage.rss());
  take();
  const timer = setInterval(take, everyMs);
  timer.unref();
  return {
    samples,
    stop() {
      clearInterval(timer);
      take();
      return { peak: Math.max(...samples), samples };
    },
  };
}

export const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
