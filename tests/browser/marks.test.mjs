// Marks come from the parser's spans: a verb is marked where the parser found it (not where its
// word first occurs), once, even when a line break runs through it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { server, browser, withBrowser, open } from './harness.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
withBrowser();

/** The default session with its first resolution's first clause rewritten as `clause`. */
async function sessionWith(clause) {
  const text = await readFile(join(root, 'sessions', 'cfm-44-political-ar.txt'), 'utf8');
  const lines = text.split('\n');
  const first = lines.findIndex((l) => /^1\.\s/.test(l.trim()));
  assert.ok(first > 0, 'the default session should have a first clause');
  lines[first] = clause;
  return Buffer.from(lines.join('\n'), 'utf8');
}

async function openWith(clause) {
  const page = await open(browser, server.url);
  await page.setInputFiles('input[type=file]', { name: 'rewritten.txt', mimeType: 'text/plain', buffer: await sessionWith(clause) });
  await page.waitForFunction(() => /[?&]doc=/.test(location.search) && document.querySelector('p.counter')?.dataset.shown === '56');
  return page;
}

test('the coordinated verb is marked, not the same word in a relative clause before it', async () => {
  const page = await openWith('1. يرحب بالمبادرة التي يدعو إليها المؤتمر، ويدعو الدول الأعضاء إلى دعمها.');
  const clause = page.locator('[data-resolution="44/1-س"] li.clause').first();
  const marks = await clause.evaluate((li) => [...li.querySelectorAll(':scope > mark.verb')].map((m) => ({
    text: m.textContent, before: li.textContent.slice(0, li.textContent.indexOf(m.textContent, li.textContent.indexOf(m.previousSibling?.textContent ?? '') )) })));
  assert.deepEqual(marks.map((m) => m.text), ['يرحب', 'يدعو']);
  // What stands before the second mark in the clause's text: the relative clause, then «، و».
  const before2 = await clause.evaluate((li) => {
    const m = li.querySelectorAll(':scope > mark.verb')[1];
    const range = document.createRange();
    range.setStart(li, 0);
    range.setEndBefore(m);
    return range.toString();
  });
  assert.ok(before2.includes('التي يدعو إليها المؤتمر، و'), `the mark should follow the relative clause: «${before2}»`);
  await page.close();
});

test('a verb phrase broken over two lines is marked whole, once', async () => {
  const page = await openWith('1. يرحب بالتقرير،\nويطلب\nمن الأمين العام متابعة تنفيذ هذا القرار.');
  const clause = page.locator('[data-resolution="44/1-س"] li.clause').first();
  const marks = await clause.locator(':scope > mark.verb').allInnerTexts();
  assert.deepEqual(marks, ['يرحب', 'يطلب من'], 'the phrase across the line break is one mark');
  assert.equal(await clause.locator(':scope > mark.verb').nth(1).getAttribute('data-verb'), 'request');
  await page.close();
});
