//! Two editions side by side (`pair=<doc>`): each resolution of the open edition beside the same
//! resolution of the other, clause by clause, numbered the same. The background parser reads both
//! files and lays them out ([`crate::view::bilingual`]); this draws the blocks the filters show
//! (they apply to the open edition, whose places and verbs the page holds).

use std::cell::RefCell;
use std::collections::HashSet;
use std::rc::Rc;
use std::sync::Arc;

use leptos::prelude::*;

use crate::app::browser::measure_span;
use crate::app::draw::replace_children;
use crate::app::state::{use_state, AppState};
use crate::app::two_documents::{self, ask_worker, Ask, Wanted};
use crate::app::worker::{Event, Parse, Source};
use crate::view::bilingual::language_names;
use crate::view::tree::Node;

fn wanted(state: AppState) -> Option<Wanted> {
    let other = state.query.with(|q| q.pair.clone())?;
    Some(two_documents::wanted(state, other))
}

/// Lays the two editions out in a worker; the result goes to the state.
fn run(state: AppState, wanted: Wanted, running: Rc<RefCell<Option<Parse>>>) {
    let ask = Ask {
        working: "جارٍ وضع النسختين جنباً إلى جنب · Setting the two editions side by side…",
        failure: "تعذّر عرض النسختين · The two editions could not be shown side by side",
        source: |other, open| Source::Pair {
            open: Box::new(open),
            other: Box::new(other),
        },
        answered: |state, tag, e| match e {
            Event::Paired(p) => {
                measure_span("qarar:pair", p.started, p.ms);
                state.paired.set(Some(Arc::new((tag.to_string(), *p))));
                true
            }
            _ => false,
        },
    };
    ask_worker(state, wanted, running, ask);
}

/// Draws into `target` the paired resolutions the view's filters show.
fn draw_blocks(state: AppState, target: &web_sys::HtmlDivElement) {
    let tag = wanted(state).map(|w| w.0);
    let Some(p) = state.paired.get().filter(|p| Some(&p.0) == tag.as_ref()) else {
        target.set_text_content(None);
        return;
    };
    let shown: HashSet<usize> = state.matches.with(|m| m.iter().map(|m| m.index).collect());
    let nodes: Vec<&Node> =
        p.1.layout
            .blocks
            .iter()
            .filter(|(k, _)| shown.contains(k))
            .map(|(_, n)| n)
            .collect();
    let _ = target.set_attribute("data-shown-paired", &nodes.len().to_string());
    replace_children(target, &nodes);
}

#[component]
pub fn PairView() -> impl IntoView {
    let state = use_state();
    let running: Rc<RefCell<Option<Parse>>> = Rc::default();
    Effect::new(move |_| {
        let Some(w) = wanted(state) else { return };
        if state
            .paired
            .with_untracked(|p| p.as_ref().is_some_and(|p| p.0 == w.0))
        {
            return;
        }
        run(state, w, running.clone());
    });
    let stop = move |_| state.change(|q| q.pair = None, true);
    let blocks = NodeRef::<leptos::html::Div>::new();
    let summary = move || {
        let tag = wanted(state).map(|w| w.0);
        let p = state.paired.get().filter(|p| Some(&p.0) == tag.as_ref())?;
        let l = &p.1.layout;
        let (open, total) = state
            .loaded
            .with(|d| (d.doc.language, d.doc.resolutions.len()));
        let ((a, a_en), (b, b_en)) = (language_names(open), language_names(l.other_language));
        let paired = l.paired;
        Some(view! {
            <p class="pair-summary" data-pair-summary="" data-paired=paired data-total=total
                data-other-language=l.other_language.code()>
                {format!("{a} · {b}: {paired} من {total} قراراً لها نظير · ")}
                <span lang="en">{format!("{a_en} beside {b_en}: {paired} of {total} resolutions have their other edition.")}</span>
            </p>
        })
    };
    Effect::new(move |_| {
        if let Some(target) = blocks.get() {
            draw_blocks(state, &target);
        }
    });
    view! {
        <section class="bilingual" id="bilingual" aria-label="Two editions side by side" tabindex="-1">
            <div class="row">
                <h2>"النسختان جنباً إلى جنب · " <span lang="en">"Side by side"</span></h2>
                <button class="stop-pair" on:click=stop>"إنهاء · " <span lang="en">"One edition"</span></button>
            </div>
            {summary}
            <div class="paired-list" node_ref=blocks></div>
        </section>
    }
}
