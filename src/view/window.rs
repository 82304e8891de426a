//! The list drawn as a window: only the resolutions near the viewport are in the page, so its
//! size no longer grows with the document. What is drawn is decided here, from each
//! resolution's height — estimated from its text until the page has measured it — and where the
//! reader has scrolled to. Spacers above and below the window stand for what is not drawn, so the
//! scroll bar and the page's length stay true.

use crate::model::Resolution;

/// Height of a resolution card with no text (heading, badges, margins), in CSS pixels.
const BASE: f32 = 110.0;
/// A paragraph's own height beyond its text (label, margins), counted as this many chars.
const PARAGRAPH_CHARS: f32 = 60.0;
/// Pixels per char until some cards are measured: a 62rem column of 17 px Naskh, 1.8 line height.
const FIRST_GUESS_PX_PER_CHAR: f32 = 0.36;

/// How much text a resolution's card shows, in chars (paragraphs counted as some chars more),
/// with its preamble open or folded. Chars are counted as half the bytes (an Arabic letter takes
/// two): counting them one by one over a 50 MB document took longer than the estimate is worth.
pub fn text_weight(r: &Resolution, preamble_open: bool) -> f32 {
    let para = |t: &str| t.len() as f32 / 2.0 + PARAGRAPH_CHARS;
    let mut w = para(&r.title);
    for c in &r.operative {
        w += para(&c.text);
        w += c.items.iter().map(|i| para(&i.text)).sum::<f32>();
    }
    if preamble_open {
        w += r.preamble.iter().map(|p| para(&p.text)).sum::<f32>();
    }
    w
}

/// The heights of a list's items: measured where the page has drawn them, estimated elsewhere
/// from their text weight and what the measured ones say a char takes.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Heights {
    weights: Vec<f32>,
    measured: Vec<Option<f32>>,
    /// Sums over the measured items, for the estimate: (pixels beyond the base, weight).
    sums: (f64, f64),
}

impl Heights {
    pub fn new(weights: Vec<f32>) -> Heights {
        Heights {
            measured: vec![None; weights.len()],
            weights,
            sums: (0.0, 0.0),
        }
    }

    fn px_per_weight(&self) -> f32 {
        if self.sums.1 > 0.0 {
            (self.sums.0 / self.sums.1) as f32
        } else {
            FIRST_GUESS_PX_PER_CHAR
        }
    }

    /// Item `i`'s height: as measured, or estimated.
    pub fn get(&self, i: usize) -> f32 {
        match self.measured.get(i).copied().flatten() {
            Some(h) => h,
            None => BASE + self.weights.get(i).copied().unwrap_or(0.0) * self.px_per_weight(),
        }
    }

    /// Records item `i`'s measured height; `true` when it changed what the list knew.
    pub fn measure(&mut self, i: usize, px: f32) -> bool {
        let Some(slot) = self.measured.get_mut(i) else {
            return false;
        };
        if slot.is_some_and(|h| (h - px).abs() < 1.0) {
            return false;
        }
        let w = f64::from(self.weights[i]);
        if let Some(old) = slot.replace(px) {
            self.sums.0 -= f64::from((old - BASE).max(0.0));
            self.sums.1 -= w;
        }
        self.sums.0 += f64::from((px - BASE).max(0.0));
        self.sums.1 += w;
        true
    }
}

/// What the list draws: items `shown[first..end]`, with `above` and `below` pixels of spacer.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Window {
    pub first: usize,
    pub end: usize,
    pub above: f64,
    pub below: f64,
}

/// Where the reader is: the viewport's top relative to the list's top, and its height.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Viewport {
    pub top: f64,
    pub height: f64,
}

/// The items of `shown` (indices into `heights`) that meet the viewport widened by `overscan`
/// pixels on each side, and with `neighbours` one more on each side — always at least one, when
/// there is any.
pub fn window(
    shown: &[usize],
    heights: &Heights,
    at: Viewport,
    overscan: f64,
    neighbours: bool,
) -> Window {
    let from = at.top - overscan;
    let to = at.top + at.height + overscan;
    let mut y = 0.0;
    let mut first = None;
    let mut end = shown.len();
    let mut above = 0.0;
    for (k, &i) in shown.iter().enumerate() {
        let h = f64::from(heights.get(i));
        if first.is_none() {
            if y + h > from {
                first = Some(k);
                above = y;
            }
        } else if y >= to {
            end = k;
            break;
        }
        y += h;
    }
    // One more item on each side than the range meets, however tall the items are: the one
    // after is where Tab goes from the last drawn, the one before where Shift+Tab goes.
    if let Some(f) = first.filter(|_| neighbours) {
        if f > 0 {
            first = Some(f - 1);
            above -= f64::from(heights.get(shown[f - 1]));
        }
        end = (end + 1).min(shown.len());
    }
    let total_after: f64 = shown[end..]
        .iter()
        .map(|&i| f64::from(heights.get(i)))
        .sum();
    match first {
        Some(first) => Window {
            first,
            end,
            above,
            below: total_after,
        },
        // Scrolled past the end (the list got shorter): the last item.
        None if !shown.is_empty() => Window {
            first: shown.len() - 1,
            end: shown.len(),
            above: y - f64::from(heights.get(shown[shown.len() - 1])),
            below: 0.0,
        },
        None => Window::default(),
    }
}

/// What the list puts in the page, top to bottom: spacers standing for items not drawn, and the
/// items drawn (indices into `heights`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Row {
    Gap(f64),
    Item(usize),
}

/// The rows for the window at `at`, and item `pin` too (an index; a card that holds keyboard
/// focus), drawn in its place wherever it is, so that scrolling away does not take it out of the
/// page. Gaps of zero are left out.
pub fn rows(
    shown: &[usize],
    heights: &Heights,
    at: Viewport,
    overscan: f64,
    neighbours: bool,
    pin: Option<usize>,
) -> Vec<Row> {
    let w = window(shown, heights, at, overscan, neighbours);
    let pinned = pin
        .and_then(|p| shown.iter().position(|&i| i == p))
        .filter(|&k| k < w.first || k >= w.end);
    let mut out = Vec::with_capacity(w.end - w.first + 4);
    let gap = |out: &mut Vec<Row>, px: f64| {
        if px > 0.0 {
            out.push(Row::Gap(px));
        }
    };
    let height = |k: usize| f64::from(heights.get(shown[k]));
    let window_items =
        |out: &mut Vec<Row>| out.extend(shown[w.first..w.end].iter().map(|&i| Row::Item(i)));
    match pinned {
        Some(k) if k < w.first => {
            let before = offset_of(shown, heights, k);
            gap(&mut out, before);
            out.push(Row::Item(shown[k]));
            gap(&mut out, w.above - before - height(k));
            window_items(&mut out);
            gap(&mut out, w.below);
        }
        Some(k) => {
            gap(&mut out, w.above);
            window_items(&mut out);
            let between = offset_of(shown, heights, k) - offset_of(shown, heights, w.end);
            gap(&mut out, between);
            out.push(Row::Item(shown[k]));
            gap(&mut out, w.below - between - height(k));
        }
        None => {
            gap(&mut out, w.above);
            window_items(&mut out);
            gap(&mut out, w.below);
        }
    }
    out
}

/// Where item `shown[k]` starts, from the top of the list.
pub fn offset_of(shown: &[usize], heights: &Heights, k: usize) -> f64 {
    shown[..k.min(shown.len())]
        .iter()
        .map(|&i| f64::from(heights.get(i)))
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A naive oracle: every item's top and bottom, and those that meet the range.
    fn naive(shown: &[usize], h: &Heights, at: Viewport, overscan: f64) -> Vec<usize> {
        let mut y = 0.0;
        let mut out = Vec::new();
        for (k, &i) in shown.iter().enumerate() {
            let b = y + f64::from(h.get(i));
            if b > at.top - overscan && y < at.top + at.height + overscan {
                out.push(k);
            }
            y = b;
        }
        out
    }

    #[test]
    fn the_window_is_what_meets_the_viewport() {
        let mut h = Heights::new((0..200).map(|i| (i % 7) as f32 * 300.0).collect());
        for i in (0..200).step_by(3) {
            h.measure(i, 150.0 + (i % 11) as f32 * 90.0);
        }
        let shown: Vec<usize> = (0..200).filter(|i| i % 4 != 1).collect();
        let total = offset_of(&shown, &h, shown.len());
        let mut top = 0.0;
        while top < total + 500.0 {
            let at = Viewport { top, height: 800.0 };
            let w = window(&shown, &h, at, 400.0, true);
            let want = naive(&shown, &h, at, 400.0);
            if let (Some(&a), Some(&b)) = (want.first(), want.last()) {
                let around = (a.saturating_sub(1), (b + 2).min(shown.len()));
                assert_eq!((w.first, w.end), around, "at {top}: one more on each side");
                let alone = window(&shown, &h, at, 400.0, false);
                assert_eq!(
                    (alone.first, alone.end),
                    (a, b + 1),
                    "at {top}: without neighbours, what meets the range and no more"
                );
            }
            assert!(w.first < w.end, "something is always drawn (at {top})");
            let drawn = offset_of(&shown, &h, w.end) - offset_of(&shown, &h, w.first);
            assert!(
                (w.above + drawn + w.below - total).abs() < 1e-6,
                "spacers and drawn items should make up the list's length"
            );
            top += 137.0;
        }
    }

    #[test]
    fn a_pinned_item_is_drawn_in_its_place_wherever_the_window_is() {
        let h = Heights::new((0..100).map(|i| 500.0 + (i % 5) as f32 * 200.0).collect());
        let shown: Vec<usize> = (0..100).collect();
        let total = offset_of(&shown, &h, shown.len());
        let length = |rows: &[Row]| -> f64 {
            rows.iter()
                .map(|r| match r {
                    Row::Gap(px) => *px,
                    Row::Item(i) => f64::from(h.get(*i)),
                })
                .sum()
        };
        for (top, pin) in [
            (0.0, 80),
            (total - 700.0, 3),
            (total / 2.0, 50),
            (total / 2.0, 99),
        ] {
            let at = Viewport { top, height: 700.0 };
            let r = rows(&shown, &h, at, 300.0, true, Some(pin));
            assert!(r.contains(&Row::Item(pin)), "the pinned item is drawn");
            assert!(
                (length(&r) - total).abs() < 1e-6,
                "rows keep the list's length"
            );
            let items: Vec<usize> = r
                .iter()
                .filter_map(|r| match r {
                    Row::Item(i) => Some(*i),
                    Row::Gap(_) => None,
                })
                .collect();
            assert!(
                items.windows(2).all(|w| w[0] < w[1]),
                "in list order: {items:?}"
            );
        }
    }

    #[test]
    fn measured_heights_teach_the_estimate() {
        let mut h = Heights::new(vec![1000.0, 1000.0, 2000.0]);
        let guess = h.get(2);
        assert!(h.measure(0, BASE + 500.0));
        assert!(
            !h.measure(0, BASE + 500.4),
            "a change under a pixel is no change"
        );
        assert_eq!(h.get(0), BASE + 500.0);
        assert_eq!(
            h.get(2),
            BASE + 1000.0,
            "half a pixel per char, as measured"
        );
        assert_ne!(guess, h.get(2));
    }

    #[test]
    fn an_empty_list_draws_nothing() {
        let h = Heights::new(vec![]);
        let w = window(&[], &h, Viewport::default(), 100.0, true);
        assert_eq!((w.first, w.end), (0, 0));
    }
}
