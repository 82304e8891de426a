//! The browser viewer (wasm only): the default session, parsed in the browser by the same parser,
//! shown as text. Document text is only ever rendered as text nodes, never as HTML.

use leptos::prelude::*;

use crate::model::{Document, OperativeClause, Preambular, Resolution, Span, Verb};

/// The default session, embedded in the bundle: nothing is fetched, nothing is sent.
const DEFAULT_SESSION: &str = include_str!("../../sessions/cfm-44-political-ar.txt");

/// Mounts the viewer on the page's body.
pub fn mount() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
}

#[component]
fn App() -> impl IntoView {
    let doc = crate::parse(DEFAULT_SESSION);
    let src: &'static str = DEFAULT_SESSION;
    let count = doc.resolutions.len();
    let header = doc.clone();
    let unplaced = doc.clone();
    view! {
        <SessionHeader doc=header />
        <main>
            <p class="count">{format!("{count} قراراً · {count} resolutions")}</p>
            <ol class="resolutions">
                {doc.resolutions.into_iter().map(|r| view! { <ResolutionView r=r src=src /> }).collect_view()}
            </ol>
            <Unplaced doc=unplaced />
        </main>
    }
}

#[component]
fn SessionHeader(doc: Document) -> impl IntoView {
    let s = doc.session;
    let line = |v: Option<String>| v.unwrap_or_default();
    view! {
        <header class="session">
            <p class="org">{line(s.organisation)}</p>
            <h1>{line(s.title)}</h1>
            <p class="meta" dir="auto">
                <span class="symbol" dir="ltr">{line(s.symbol)}</span>
                " · " {line(s.place)} " · " {line(s.date_hijri)} " · " {line(s.date_gregorian)}
            </p>
        </header>
    }
}

#[component]
fn ResolutionView(r: Resolution, src: &'static str) -> impl IntoView {
    let id = r.id.clone();
    let preamble = r.preamble.clone();
    let operative = r.operative.clone();
    view! {
        <li class="resolution" data-resolution=id.clone() id=format!("res-{}", r.number)>
            <h2><span class="id">{format!("قرار {id}")}</span> " " <span class="title">{r.title.clone()}</span></h2>
            {r.enacting.as_ref().map(|e| view! { <p class="enacting">{e.text.clone()}</p> })}
            <details class="preamble">
                <summary>{format!("الديباجة ({} فقرة) · Preamble", preamble.len())}</summary>
                {preamble.into_iter().map(|p| view! { <PreambleView p=p /> }).collect_view()}
            </details>
            <ol class="operative">
                {operative.into_iter().map(|c| view! { <ClauseView c=c src=src /> }).collect_view()}
            </ol>
        </li>
    }
}

#[component]
fn PreambleView(p: Preambular) -> impl IntoView {
    view! { <p class="preambular">{p.text}</p> }
}

#[component]
fn ClauseView(c: OperativeClause, src: &'static str) -> impl IntoView {
    let text_span = Span::new(
        c.verbs
            .first()
            .map_or(c.span.start, |v| v.start.min(c.span.end)),
        c.span.end,
    );
    // Without an opening verb the clause is shown from its text as parsed.
    let body = if c.verbs.first().is_some_and(|v| v.opening) {
        highlighted(src, text_span, &c.verbs).into_any()
    } else {
        c.text.clone().into_any()
    };
    view! {
        <li class="clause">
            <span class="label">{c.label.clone().unwrap_or_default()}</span>
            " " {body}
            <ul class="items">
                {c.items.into_iter().map(|i| view! { <li>{i.label.unwrap_or_default()} " " {i.text}</li> }).collect_view()}
            </ul>
        </li>
    }
}

/// The clause's source text with each verb wrapped in a mark; `**` marks and line breaks removed.
fn highlighted(src: &str, span: Span, verbs: &[Verb]) -> impl IntoView {
    let mut out = Vec::new();
    let mut at = span.start;
    let clean = |s: &str| s.replace("**", "").replace(['\n', '\r'], " ");
    for v in verbs
        .iter()
        .filter(|v| v.start >= span.start && v.end <= span.end)
    {
        if v.start < at {
            continue;
        }
        out.push(clean(&src[at..v.start]).into_any());
        let cat = v.category.clone().unwrap_or_else(|| "unknown".into());
        out.push(
            view! {
                <mark class=format!("verb verb-{cat}") data-verb=cat.clone() title=v.gloss.clone() tabindex="0">
                    {v.text.clone()}
                </mark>
            }
            .into_any(),
        );
        at = v.end;
    }
    out.push(clean(&src[at.min(span.end)..span.end]).into_any());
    out.collect_view()
}

#[component]
fn Unplaced(doc: Document) -> impl IntoView {
    let items = doc.unplaced;
    (!items.is_empty()).then(|| {
        view! {
            <section class="unplaced">
                <h2>"نص لم يُصنَّف · Unplaced text"</h2>
                <ul>
                    {items.into_iter().map(|u| view! { <li><q>{u.text}</q> " — " <span dir="ltr">{u.reason}</span></li> }).collect_view()}
                </ul>
            </section>
        }
    })
}
