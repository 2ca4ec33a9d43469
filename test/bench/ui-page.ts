// What the UI bench records inside the page. Installed with addInitScript, so it runs
// before the app's own script; Playwright sends this function's source to the
// page, so it uses nothing from outside its own body.

export type Timed = { t: number; q: string };
export type Frame = { start: number; duration: number };

export type BenchProbe = {
  /** performance.now() when the first contact rows were painted (null until then). */
  firstRows: number | null;
  /** Each edit of the search box: when its key was pressed, and the text then. */
  inputs: Timed[];
  /** Each search-results paint: when it was painted, and the query its rows answer. */
  paints: Timed[];
  longFrames: Frame[];
  longTasks: Frame[];
  /** Resolves when every row on screen holds a contact, with performance.now() after that paint. */
  untilFilled: (timeoutMs: number) => Promise<number>;
  /** Scrolls the list from one end to the other (top to bottom, or back up) in `durationMs`, a step each frame; resolves when it stops. */
  scrollThrough: (durationMs: number, up: boolean) => Promise<{ started: number; stopped: number }>;
  /** Sets the list's scroll position to `fraction` of its height at once (a drag of the scrollbar). */
  jumpTo: (fraction: number) => number;
};

export function installProbe(): void {
  const afterPaint = (then: (time: number) => void) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => then(performance.now());
      channel.port2.postMessage(0);
    });
  const scroller = () => document.querySelector<HTMLElement>('[data-testid="contact-grid-scroll"]');
  const allFilled = (body: HTMLElement) => {
    const box = body.getBoundingClientRect();
    let filled = 0;
    for (const row of body.querySelectorAll<HTMLElement>('[role="row"]')) {
      const rect = row.getBoundingClientRect();
      if (rect.bottom <= box.top || rect.top >= box.bottom) continue;
      if (row.getAttribute('aria-busy') === 'true') return false;
      filled++;
    }
    return filled > 0;
  };

  const probe: BenchProbe = {
    firstRows: null,
    inputs: [],
    paints: [],
    longFrames: [],
    longTasks: [],
    untilFilled: (timeoutMs) =>
      new Promise((resolve, reject) => {
        const giveUp = performance.now() + timeoutMs;
        const check = () => {
          const body = scroller();
          if (body && allFilled(body)) afterPaint(resolve);
          else if (performance.now() > giveUp) reject(new Error(`Rows still loading after ${timeoutMs} ms`));
          else requestAnimationFrame(check);
        };
        check();
      }),
    scrollThrough: (durationMs, up) =>
      new Promise((resolve) => {
        const body = scroller()!;
        const end = body.scrollHeight - body.clientHeight;
        const started = performance.now();
        const step = () => {
          const done = Math.min(1, (performance.now() - started) / durationMs);
          body.scrollTop = (up ? 1 - done : done) * end;
          if (done < 1) requestAnimationFrame(step);
          else resolve({ started, stopped: performance.now() });
        };
        requestAnimationFrame(step);
      }),
    jumpTo: (fraction) => {
      const body = scroller()!;
      body.scrollTop = fraction * (body.scrollHeight - body.clientHeight);
      return performance.now();
    },
  };
  (window as unknown as { benchProbe: BenchProbe }).benchProbe = probe;

  let lastKey = 0;
  let lastAnswer: string | null = null;
  document.addEventListener('keydown', (event) => (lastKey = event.timeStamp), true);
  document.addEventListener(
    'input',
    (event) => {
      const input = event.target as HTMLInputElement;
      if (input.id === 'contact-search') probe.inputs.push({ t: lastKey, q: input.value.trim() });
    },
    true,
  );
  new MutationObserver(() => {
    if (probe.firstRows === null && document.querySelector('[role="grid"][aria-label="Contacts"] [role="row"][aria-rowindex="2"]:not([aria-busy])')) {
      probe.firstRows = -1;
      afterPaint((time) => (probe.firstRows = time));
    }
    const answer = document.querySelector('[data-answers]')?.getAttribute('data-answers') ?? null;
    if (answer !== lastAnswer) {
      lastAnswer = answer;
      if (answer !== null) afterPaint((time) => probe.paints.push({ t: time, q: answer }));
    }
  }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-answers'] });
  const record = (type: string, into: Frame[]) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach((entry) => into.push({ start: entry.startTime, duration: entry.duration }))).observe({ type, buffered: true });
    } catch {
      // An older Chromium without long-animation-frame: that column stays empty.
    }
  };
  record('long-animation-frame', probe.longFrames);
  record('longtask', probe.longTasks);
}
