//! The comparison view (`compare=<doc>`): what changed from another session to the open one. A
//! summary (pairs, changed, new, dropped, verb-category changes), then each pair of resolutions
//! that changed with its changes, the new and dropped resolutions, the unchanged ones named. The
//! filters still apply, to the open session's resolutions. The background parser reads both
//! documents again, pairs and diffs them ([`crate::compare`]) and lays the result out
//! ([`crate::view::compared`]); this picks the blocks the filters show and draws them.

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
use crate::view::session_label;
use crate::view::tree::{Attr, DataName, Node, Tag};

fn wanted(state: AppState) -> Option<Wanted> {
    let other = state.query.with(|q| q.compare.clone())?;
    let has = state.loaded.with(|l| !l.doc.resolutions.is_empty());
    has.then(|| two_documents::wanted(state, other))
}

/// Compares the other document with the open one in a worker; the result goes to the state.
fn run(state: AppState, wanted: Wanted, running: Rc<RefCell<Option<Parse>>>) {
    let ask = Ask {
        working: "جارٍ المقارنة · Comparing the two sessions…",
        failure: "تعذّرت المقارنة · The sessions could not be compared",
        source: |old, new| Source::Compare {
            old: Box::new(old),
            new: Box::new(new),
        },
        answered: |state, tag, e| match e {
            Event::Compared(c) => {
                measure_span("qarar:compare", c.started, c.ms);
                state.comparison.set(Some(Arc::new((tag.to_string(), *c))));
                true
            }
            _ => false,
        },
    };
    ask_worker(state, wanted, running, ask);
}

/// Draws into `target` the blocks of the comparison that the view's filters show.
fn draw_blocks(state: AppState, target: &web_sys::HtmlDivElement) {
    let tag = wanted(state).map(|w| w.0);
    let Some(c) = state
        .comparison
        .get()
        .filter(|c| Some(&c.0) == tag.as_ref())
    else {
        target.set_text_content(None);
        return;
    };
    let shown: HashSet<usize> = state.matches.with(|m| m.iter().map(|m| m.index).collect());
    let filtering = state.filtering.get();
    let verbs_only = state.query.with(|q| q.verb_changes);
    let l = &c.1.layout;
    let mut nodes: Vec<Node> = Vec::new();
    let pairs: Vec<Node> = l
        .blocks
        .iter()
        .filter(|b| shown.contains(&b.index) && (!verbs_only || b.verb_change))
        .map(|b| b.node.clone())
        .collect();
    let shown_pairs = pairs.len();
    nodes.push(Node::el(Tag::Div, pairs).with(Attr::Class, "pairs"));
    let heading = |ar: &str, en: &str| {
        Node::el(
            Tag::H3,
            vec![Node::text(format!("{ar} · ")), Node::english(en)],
        )
    };
    let added: Vec<Node> = l
        .added
        .iter()
        .filter(|(k, _)| shown.contains(k) && !verbs_only)
        .map(|(_, n)| n.clone())
        .collect();
    if !added.is_empty() {
        nodes.push(heading("قرارات جديدة", "New resolutions"));
        nodes.push(Node::el(Tag::Ul, added).with(Attr::Class, "added"));
    }
    // The old session's resolutions are not filtered (its regions and verbs are not on the
    // page): the dropped ones are listed when no filter is on.
    if !filtering && !verbs_only && !l.removed.is_empty() {
        nodes.push(heading("قرارات لم تتكرر", "Dropped resolutions"));
        nodes.push(Node::el(Tag::Ul, l.removed.clone()).with(Attr::Class, "removed"));
    }
    let same: Vec<Node> = l
        .same
        .iter()
        .filter(|(k, _)| shown.contains(k) && !verbs_only)
        .flat_map(|(_, id)| {
            [
                Node::bdi(id.clone()).with(Attr::Data(DataName::Same), id.clone()),
                Node::text(" "),
            ]
        })
        .collect();
    if !same.is_empty() {
        let n = same.len() / 2;
        nodes.push(
            Node::el(
                Tag::Details,
                vec![
                    Node::el(
                        Tag::Summary,
                        vec![
                            Node::text(format!("{n} قراراً بلا تغيير · ")),
                            Node::english(format!("{n} resolutions unchanged")),
                        ],
                    ),
                    Node::el(Tag::P, same),
                ],
            )
            .with(Attr::Class, "unchanged"),
        );
    }
    let _ = target.set_attribute("data-shown-pairs", &shown_pairs.to_string());
    replace_children(target, &nodes.iter().collect::<Vec<_>>());
}

#[component]
pub fn ComparisonView() -> impl IntoView {
    let state = use_state();
    let running: Rc<RefCell<Option<Parse>>> = Rc::default();
    Effect::new(move |_| {
        let Some(w) = wanted(state) else { return };
        if state
            .comparison
            .with_untracked(|c| c.as_ref().is_some_and(|c| c.0 == w.0))
        {
            return;
        }
        run(state, w, running.clone());
    });
    let stop = move |_| {
        state.change(
            |q| {
                q.compare = None;
                q.verb_changes = false;
            },
            true,
        )
    };
    let only_verbs = move |ev| {
        let on = event_target_checked(&ev);
        state.change(move |q| q.verb_changes = on, true);
    };
    // The blocks the filters show, drawn into `blocks` whenever the comparison or the view changes.
    let blocks = NodeRef::<leptos::html::Div>::new();
    let summary = move || {
        let tag = wanted(state).map(|w| w.0);
        let c = state
            .comparison
            .get()
            .filter(|c| Some(&c.0) == tag.as_ref())?;
        let l = &c.1.layout;
        let (old, new) = (
            session_label(l.old_session),
            session_label(state.loaded.with(|d| d.doc.session.number)),
        );
        let (pairs, changed, added, removed, verbs) = (
            l.pairs,
            l.changed,
            l.added.len(),
            l.removed.len(),
            l.verb_changes,
        );
        Some(view! {
            <p class="compare-summary" data-compare-summary="" data-pairs=pairs data-changed=changed
                data-added=added data-removed=removed data-verb-changes=verbs>
                {format!("الدورة {old} ← الدورة {new}: {pairs} زوجاً، {changed} معدّلة، {added} جديدة، {removed} محذوفة، {verbs} تغيّر في فعل الافتتاح · ")}
                <span lang="en">{format!("Session {old} → session {new}: {pairs} pairs, {changed} changed, {added} new, {removed} dropped; {verbs} opening verbs changed category.")}</span>
            </p>
        })
    };
    Effect::new(move |_| {
        if let Some(target) = blocks.get() {
            draw_blocks(state, &target);
        }
    });
    view! {
        <section class="comparison" id="comparison" aria-label="Comparison" tabindex="-1">
            <div class="row">
                <h2>"المقارنة · " <span lang="en">"What changed"</span></h2>
                <label class="toggle"><input type="checkbox" data-verb-changes-only=""
                    prop:checked=move || state.query.with(|q| q.verb_changes) on:change=only_verbs />
                    " تغيّر الفعل فقط · " <span lang="en">"Only verb changes"</span></label>
                <button class="stop-compare" on:click=stop>"إنهاء المقارنة · " <span lang="en">"Stop comparing"</span></button>
            </div>
            {summary}
            <div class="compared" node_ref=blocks></div>
        </section>
    }
}
