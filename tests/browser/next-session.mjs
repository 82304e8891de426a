// A "next session" made from the default one with known edits (tests/compare.rs makes the same in
// Rust): what the comparison tests and the benchmark compare with the default session.

/** The resolution the next session drops (44/5-س), closing up the numbers behind it. */
export const DROPPED = 5;

/** The next session: renumbered 45, resolution 5 dropped and the numbers closed up, clauses 2
 * and 3 of the first swapped, its clause 9's verb changed, words inserted in its clause 8, and
 * one resolution added (tests/compare.rs does the same in Rust). */
export function nextSession(text) {
  const isId = (l) => (/^قرار[ :]/.test(l) || /^\d+\tقرار رقم/.test(l)) && l.includes('44/');
  const out = [];
  let dropping = false;
  let first = false;
  for (let line of text.split('\n')) {
    if (isId(line) && !/^\d/.test(line)) {
      const id = line.slice(line.indexOf('44/') + 3).match(/^\d+/)[0];
      dropping = id === String(DROPPED);
      first = id === '1';
    }
    if (dropping) continue;
    if (isId(line)) {
      const at = line.indexOf('44/');
      const digits = line.slice(at + 3).match(/^\d+/)[0];
      const k = Number(digits);
      if (k === DROPPED) continue;
      line = `${line.slice(0, at)}45/${k > DROPPED ? k - 1 : k}${line.slice(at + 3 + digits.length)}`;
    }
    if (first && line.startsWith('8. يناشد ')) line = `8. يناشد بقوة ${line.slice('8. يناشد '.length)}`;
    else if (first && line.startsWith('9. يدعو ')) line = `9. يطلب ${line.slice('9. يدعو '.length)}`;
    out.push(line);
  }
  const two = out.findIndex((l) => l.startsWith('2. يؤكد دعمه للحكومة الصومالية'));
  const three = out.findIndex((l) => l.startsWith('3. يرحب بالتقدم الذي أحرزته القيادة'));
  const [a, b] = [out[two].slice(3), out[three].slice(3)];
  out[two] = `2. ${b}`;
  out[three] = `3. ${a}`;
  return `${out.join('\n')}\n\nقرار رقم 45/56-س\n\nبشأن\n\nالتعاون مع الدول الجزرية الصغيرة في مواجهة الأعاصير والفيضانات\n\n`
    + 'إنّ مجلس وزراء الخارجية، المنعقد في دورته الخامسة والأربعين،\n\n'
    + 'إذ يدرك ما تتعرض له الدول الجزرية الصغيرة من أعاصير وفيضانات متكررة تهدد سبل عيش سكانها،\n\n'
    + '1. يرحب بإنشاء آلية للتشاور بين الأمانة العامة والدول الجزرية الصغيرة بشأن الإنذار المبكر من الأعاصير.\n\n'
    + '2. يطلب من الأمين العام متابعة تنفيذ هذا القرار ورفع تقرير بشأنه إلى الدورة القادمة لمجلس وزراء الخارجية.\n';
}
