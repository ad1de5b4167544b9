/**
 * The script and style the HTML export adds to marp-cli's page, after its own
 * script: the controls' words in the talk's language, a clock in the
 * language's format, and in the presenter view the pacing panel (the current
 * slide's planned start and length, the time spent on it, how far ahead or
 * behind the plan the talk is, the time left in the slot). Everything it shows
 * comes from the planned deck (plan/presenter.ts), set in the page as JSON;
 * the browser only subtracts times. No network: it is part of the one file.
 */
import type { PresenterPlan } from '../plan/presenter.js';

/** The page's additions: a `<style>` for the head and a `<script>` for the end of the body. */
export function presenterAdditions(plan: PresenterPlan): { style: string; script: string } {
  // `<` escaped, so that no text of the outline can end the script element.
  const json = JSON.stringify(plan).replace(/</g, '\\u003c');
  return {
    style: `<style>${PRESENTER_CSS}</style>`,
    script: `<script>(${presenterRuntime.toString()})(${json});</script>`,
  };
}

/**
 * The presenter view's grid gets a row for the pacing panel under the current
 * slide; its type is large (read from a lectern, a metre or two away). Being
 * behind is also said in words and a sign, never by color alone.
 */
const PRESENTER_CSS = `
body[data-bespoke-view='presenter'] .bespoke-marp-presenter-container {
  grid-template: 'current dragbar next' minmax(140px, 1fr) 'current dragbar note' 2fr 'pace dragbar note' auto 'info dragbar note' 3em;
  grid-template-columns: minmax(3px, var(--bespoke-marp-presenter-split-ratio, 66%)) 0 minmax(3px, 1fr);
}
.versus-pace { grid-area: pace; display: flex; flex-wrap: wrap; align-items: baseline; gap: 0.2em 1.2em;
  padding: 0.25em 20px; color: #eee; font: 1.5rem/1.25 Helvetica, Arial, sans-serif; font-variant-numeric: tabular-nums; }
.versus-pace > span { white-space: nowrap; }
.versus-pace small { font-size: 0.65em; color: #bbb; margin-inline-end: 0.35em; }
.versus-pace bdi { direction: ltr; unicode-bidi: isolate; }
.versus-pace-delta { font-size: 1.35em; font-weight: bold; padding: 0 0.3em; border-radius: 0.2em; }
.versus-pace-delta[data-pace='behind'] { color: #111; background: #ffb454; }
.versus-pace-delta[data-pace='ahead'] { color: #111; background: #9fd9ff; }
.versus-pace-delta[data-pace='on-time'] { color: #111; background: #b5e8a4; }
.versus-pace-slot[data-pace='over'] { color: #ffb454; font-weight: bold; }
/*
 * Notes longer than their box scroll, with a scroll bar wide and light enough to see from the
 * lectern, and a light edge where more text lies above or below (the covers scroll with the
 * text, the edges stay: an edge shows only while text lies beyond it), also where scroll bars overlay.
 */
body[data-bespoke-view='presenter'] .bespoke-marp-presenter-note-container .bespoke-marp-note {
  scrollbar-width: auto; scrollbar-color: rgba(238, 238, 238, 0.75) rgba(255, 255, 255, 0.1);
  background:
    linear-gradient(#222 30%, rgb(34 34 34 / 0)) center top / 100% 48px no-repeat local,
    linear-gradient(rgb(34 34 34 / 0), #222 70%) center bottom / 100% 48px no-repeat local,
    radial-gradient(farthest-side at 50% 0, rgb(238 238 238 / 0.6), transparent) center top / 100% 18px no-repeat scroll,
    radial-gradient(farthest-side at 50% 100%, rgb(238 238 238 / 0.6), transparent) center bottom / 100% 18px no-repeat scroll;
}
/* Korean notes break between words, as the slides do. */
html:lang(ko) .bespoke-marp-note { word-break: keep-all; }
/* The arrows of right-to-left talks point the way their slides go. */
html[dir='rtl'] :is([data-bespoke-marp-osc='prev'], [data-bespoke-marp-osc='next'], .bespoke-marp-presenter-info-page-prev, .bespoke-marp-presenter-info-page-next) { transform: scaleX(-1); }
.versus-clock { order: 1; display: block; box-sizing: border-box; padding: 0 10px; width: 100%; white-space: nowrap; color: #bbb; text-align: start; }
`;

/**
 * Runs in the page, after marp-cli's script has built the view; it is printed
 * into the page as source, so it uses nothing from outside itself.
 */
function presenterRuntime(plan: PresenterPlan): void {
  const { words } = plan;
  const view = document.body.dataset.bespokeView ?? '';
  const fill = (text: string, values: Record<string, string | number>) =>
    text.replace(/\{(\w+)\}/g, (whole, name: string) => String(values[name] ?? whole));
  const name = (selector: string, word: string, withText = true) => {
    for (const element of document.querySelectorAll<HTMLElement>(selector)) {
      element.title = word;
      element.setAttribute('aria-label', word);
      if (withText) element.textContent = word;
    }
  };
  /** "[Presenter view] - Title": marp-cli's words in brackets become the talk's. */
  const retitle = (word: string) => {
    document.title = document.title.replace(/^\[[^\]]*\]/, `[${word}]`);
  };
  const osc = '.bespoke-marp-osc [data-bespoke-marp-osc=';
  name(`${osc}"prev"]`, words.controlPrevious);
  name(`${osc}"next"]`, words.controlNext);
  name(`${osc}"fullscreen"]`, words.controlFullscreen);
  name(`${osc}"overview"]`, words.controlOverview);
  name(`${osc}"presenter"]`, words.controlPresenter);
  // marp-cli writes "Page 1 of 9" on every slide change; the talk's words replace it.
  for (const page of document.querySelectorAll<HTMLElement>(`${osc}"page"]`)) {
    const rewrite = () => {
      const [n, count] = page.textContent?.match(/\d+/g) ?? [];
      const text = n && count ? fill(words.controlPage, { n, count }) : '';
      if (text && page.textContent !== text) page.textContent = text;
    };
    new MutationObserver(rewrite).observe(page, { childList: true, characterData: true, subtree: true });
    rewrite();
  }
  if (view === 'overview') {
    retitle(words.overviewView);
    name('.bespoke-marp-overview-close', words.controlCloseOverview);
  }
  if (view !== 'presenter') return;

  retitle(words.presenterView);
  const info = 'bespoke-marp-presenter-info-';
  name('.bespoke-marp-presenter-note-smaller', words.controlNotesSmaller);
  name('.bespoke-marp-presenter-note-bigger', words.controlNotesBigger);
  name(`.${info}page-prev`, words.controlPrevious);
  name(`.${info}page-next`, words.controlNext);
  name(`.${info}timer`, words.controlTimer, false);
  const container = document.querySelector('.bespoke-marp-presenter-container');
  const timer = document.querySelector(`.${info}timer`);
  if (!container || !timer) return;

  // The clock in the language's own format (marp-cli's shows the browser's).
  // In Western digits, as every number versus writes (i18n/labels.ts).
  const clockFormat = new Intl.DateTimeFormat(plan.lang, { timeStyle: 'medium', numberingSystem: 'latn' });
  const clock = document.createElement('time');
  clock.className = 'versus-clock';
  clock.title = words.controlClock;
  clock.setAttribute('aria-label', words.controlClock);
  // marp-cli's clock (in the browser's format) gives its place to it; marp-cli keeps writing to its detached element.
  document.querySelector(`.${info}time`)?.replaceWith(clock);

  const panel = document.createElement('div');
  panel.className = 'versus-pace';
  container.append(panel);

  const slides = [...document.querySelectorAll<Element>('.bespoke-marp-parent > .bespoke-marp-slide')];
  const activeIndex = () => slides.findIndex((slide) => slide.classList.contains('bespoke-marp-active'));
  /** Seconds as "m:ss" or "h:mm:ss", as the run sheet writes times. */
  const duration = (seconds: number) => {
    const s = Math.floor(Math.abs(seconds));
    const [h, m] = [Math.floor(s / 3600), Math.floor((s % 3600) / 60)];
    const ss = String(s % 60).padStart(2, '0');
    return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
  };
  const html = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const cell = (label: string, value: string, attributes = '') =>
    `<span ${attributes}><small>${html(label)}</small> <bdi>${html(value)}</bdi></span>`;

  // The talk starts with marp-cli's timer, and again when a click on the timer restarts it.
  let talkStart = Date.now();
  let current = activeIndex();
  let arrived = talkStart;
  timer.addEventListener('click', () => {
    talkStart = Date.now();
    arrived = talkStart;
    update();
  });

  let shown = '';
  function update(): void {
    const now = Date.now();
    clock.textContent = clockFormat.format(now);
    const index = activeIndex();
    if (index !== current) {
      current = index;
      arrived = now;
    }
    const slide = plan.slides[index];
    if (!slide) return;
    const elapsed = Math.floor((now - talkStart) / 1000);
    const spent = Math.floor((now - arrived) / 1000);
    // Where the plan would be now: this slide's start, plus the time on it up to its length.
    const behind = elapsed - (slide.start + Math.min(spent, slide.length));
    const pace = behind > 0 ? 'behind' : behind < 0 ? 'ahead' : 'on-time';
    const signed = `${behind > 0 ? '+' : behind < 0 ? '−' : '±'}${duration(behind)}`;
    const paceText =
      pace === 'on-time'
        ? html(words.paceOnTime)
        : fill(html(pace === 'behind' ? words.paceBehind : words.paceAhead), { time: `<bdi>${signed}</bdi>` });
    const cells = [
      `<span class="versus-pace-delta" data-pace="${pace}">${paceText}</span>`,
      cell(words.starts, slide.startText, 'class="versus-pace-start"'),
      cell(words.paceLength, slide.lengthText, 'class="versus-pace-length"'),
      cell(words.paceSpent, duration(spent), 'class="versus-pace-spent"'),
    ];
    if (plan.slot !== undefined) {
      const left = plan.slot - elapsed;
      cells.push(
        cell(
          left >= 0 ? words.paceSlotLeft : words.paceSlotOver,
          duration(left),
          `class="versus-pace-slot" data-pace="${left >= 0 ? 'left' : 'over'}"`,
        ),
      );
    }
    const markup = cells.join('');
    if (markup !== shown) panel.innerHTML = shown = markup;
  }

  // Slides change by keyboard, click, touch or the synced audience window: marp-cli marks the active one.
  const observer = new MutationObserver(update);
  for (const slide of slides) observer.observe(slide, { attributes: true, attributeFilter: ['class'] });
  update();
  setInterval(update, 250);
}
