/** Measures, in the projector's page, what the class reads (issue 8). */
import type { Page } from '@playwright/test';

/** Every visible text on the stage smaller than `min` px as drawn (SVG text scaled by its viewBox). */
export async function smallTexts(page: Page, min: number): Promise<string[]> {
  return page.evaluate((least) => {
    const small: string[] = [];
    const stage = document.querySelector('[data-testid="game-stage"]');
    if (!stage) return ['no stage'];
    for (const el of Array.from(stage.querySelectorAll('text'))) {
      const text = el as SVGTextElement;
      const box = text.getBoundingClientRect();
      if (box.width === 0 || !text.textContent?.trim()) continue;
      const scale = text.getScreenCTM()?.a ?? 1;
      const px = parseFloat(getComputedStyle(text).fontSize) * scale;
      if (px < least - 0.5) small.push(`svg "${text.textContent.trim()}" ${px.toFixed(1)}px`);
    }
    const walker = document.createTreeWalker(stage, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const parent = n.parentElement;
      if (!parent || parent.closest('svg') || !n.textContent?.trim()) continue;
      if (parent.getBoundingClientRect().width === 0) continue;
      const px = parseFloat(getComputedStyle(parent).fontSize);
      if (px < least - 0.5) small.push(`"${n.textContent.trim().slice(0, 30)}" ${px}px`);
    }
    return small;
  }, min);
}

/** Pairs (node words, message pill) whose boxes on screen overlap; and how many pills were seen. */
export async function wordsUnderPills(page: Page): Promise<{ overlaps: string[]; pills: number }> {
  return page.evaluate(() => {
    const overlaps: string[] = [];
    const pills = Array.from(document.querySelectorAll('[data-testid="message-in-flight"]')).filter((g) => g.querySelector('rect'));
    const words = Array.from(document.querySelectorAll('[data-testid="node-words"] text'));
    for (const pill of pills) {
      const p = pill.querySelector('rect')!.getBoundingClientRect();
      for (const word of words) {
        const w = word.getBoundingClientRect();
        if (w.width === 0) continue;
        if (p.left < w.right - 1 && w.left < p.right - 1 && p.top < w.bottom - 1 && w.top < p.bottom - 1) overlaps.push(`${pill.getAttribute('data-kind')} over "${word.textContent}"`);
      }
    }
    return { overlaps, pills: pills.length };
  });
}
