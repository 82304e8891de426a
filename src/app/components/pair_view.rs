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
use crate::app::documents::source_of;
use crate::app::draw::replace_children;
use crate::app::state::{use_state, AppState};
use crate::app::worker::{Event, Parse, Source};
use crate::view::bilingual::language_name;
use crate::view::tree::Node;

/// What a pairing is of: `other|open document|generation`, the other document, the open one.
type Wanted = (String, String, Option<String>);

fn wanted(state: AppState) -> Option<Wanted> {
    let other = state.query.with(|q| q.pair.clone())?;
    let (hash, generation) = state.loaded.with(|l| (l.hash.clone(), l.generation));
    let tag = format!(
        "{other}|{}|{generation}",
        hash.as_deref().unwrap_or("default")
    );
    Some((tag, other, hash))
}

/// Lays the two editions out in a worker; the result goes to the state.
fn run(state: AppState, (tag, other, hash): Wanted, running: Rc<RefCell<Option<Parse>>>) {
    state
        .status
        .set("جارٍ وضع النسختين جنباً إلى جنب · Setting the two editions side by side…".into());
    leptos::task::spawn_local(async move {
        let failed = move |e: String| {
            state.status.set(String::new());
            state.alert.set(Some(format!(
                "تعذّر عرض النسختين · The two editions could not be shown side by side: {e}"
            )));
        };
        let (other, open) = match (
            source_of((other != "default").then_some(other)).await,
            source_of(hash).await,
        ) {
            (Ok(a), Ok(b)) => (a, b),
            (Err(e), _) | (_, Err(e)) => return failed(e),
        };
        let keep = running.clone();
        let on = move |e: Event| {
            match e {
                Event::Paired(p) => {
                    measure_span("qarar:pair", p.started, p.ms);
                    state.status.set(String::new());
                    state.paired.set(Some(Arc::new((tag.clone(), *p))));
                }
                Event::Error(e) => failed(e),
                _ => return,
            }
            // Not from inside the worker's own message handler, which stopping would free.
            let keep = keep.clone();
            leptos::task::spawn_local(async move {
                keep.borrow_mut().take();
            });
        };
        let source = Source::Pair {
            open: Box::new(open),
            other: Box::new(other),
        };
        match Parse::start(source, on) {
            Some(p) => *running.borrow_mut() = Some(p),
            None => failed("this browser could not start the background parser".into()),
        }
    });
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
        let (a, b) = (language_name(open), language_name(l.other_language));
        let paired = l.paired;
        Some(view! {
            <p class="pair-summary" data-pair-summary="" data-paired=paired data-total=total
                data-other-language=l.other_language.code()>
                {format!("{a} · {b}: {paired} من {total} قراراً لها نظير · ")}
                <span lang="en">{format!("{a} beside {b}: {paired} of {total} resolutions have their other edition.")}</span>
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
