//! A paragraph's text as the reader sees it: verbs marked by category, search hits marked, all as
//! text nodes.

use std::sync::Arc;

use leptos::prelude::*;

use super::browser::{copy_text, page_base};
use super::Loaded;
use crate::model::Verb;
use crate::view::{self, Query};

/// The id of a clause's element: `c-44-1-س-op3`. Anything but letters, digits and `-` in the
/// resolution's id (its `/`, a summit's `س (ق أ)`) becomes `-`: element ids hold no spaces.
pub fn anchor(res: &str, clause: &str) -> String {
    let res: String = res
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect();
    format!("c-{res}-{clause}")
}

/// One run of a paragraph's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment {
    Plain(String),
    Hit(String),
    Verb {
        text: String,
        category: String,
        gloss: String,
    },
}

/// A paragraph cut into runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segments(pub Vec<Segment>);

impl Segments {
    /// `text` is the paragraph's display text; each verb's text is found in it in order; `needle`
    /// (normalised) marks search hits outside the verbs.
    pub fn new(text: &str, verbs: &[Verb], needle: &str) -> Segments {
        // Verb ranges, found in order in the display text.
        let mut ranges: Vec<(usize, usize, Option<&Verb>)> = Vec::new();
        let mut at = 0;
        for v in verbs {
            if let Some(k) = text.get(at..).and_then(|t| t.find(&v.text)) {
                ranges.push((at + k, at + k + v.text.len(), Some(v)));
                at += k + v.text.len();
            }
        }
        for (a, b) in view::hits(text, needle) {
            if !ranges.iter().any(|(s, e, _)| a < *e && *s < b) {
                ranges.push((a, b, None));
            }
        }
        ranges.sort_by_key(|r| r.0);
        let mut out = Vec::new();
        let mut at = 0;
        for (a, b, v) in ranges {
            if a < at || !text.is_char_boundary(a) || !text.is_char_boundary(b) {
                continue;
            }
            if at < a {
                out.push(Segment::Plain(text[at..a].to_string()));
            }
            let t = text[a..b].to_string();
            out.push(match v {
                Some(v) => Segment::Verb {
                    text: t,
                    category: v.category.as_deref().unwrap_or("unknown").to_string(),
                    gloss: v.gloss.to_string(),
                },
                None => Segment::Hit(t),
            });
            at = b;
        }
        if at < text.len() {
            out.push(Segment::Plain(text[at..].to_string()));
        }
        Segments(out)
    }
}

#[component]
pub fn SegmentsView(seg: Segments) -> impl IntoView {
    seg.0
        .into_iter()
        .map(|s| match s {
            Segment::Plain(t) => t.into_any(),
            Segment::Hit(t) => view! { <mark class="hit">{t}</mark> }.into_any(),
            Segment::Verb { text, category, gloss } => {
                let label = format!("{} — {}", view::category_label(&category), gloss);
                let aria = format!("{text} ({label})");
                view! {
                    <mark class=format!("verb verb-{category}") data-verb=category.clone() data-gloss=gloss.clone()
                        title=label aria-label=aria tabindex="0">{text}</mark>
                }
                .into_any()
            }
        })
        .collect_view()
}

/// "Copy citation": the reference as readers write it, with the link to the paragraph.
#[component]
pub fn CiteButton(
    res: String,
    clause: String,
    loaded: RwSignal<Arc<Loaded>>,
    status: RwSignal<String>,
) -> impl IntoView {
    let (r2, c2) = (res.clone(), clause.clone());
    view! {
        <button class="cite" title="نسخ الإحالة · Copy citation" aria-label=format!("Copy citation of {res} {clause}")
            on:click=move |_| {
                let q = Query { res: Some(r2.clone()), clause: Some(c2.clone()), ..Query::default() };
                let link = format!("{}{}", page_base(), q.to_search());
                if let Some(c) = loaded.with_untracked(|l| view::citation(&l.doc, &r2, &c2, &link)) {
                    copy_text(&c);
                    status.set(format!("Citation copied: {c}"));
                }
            }>
            "❝"
        </button>
    }
}
