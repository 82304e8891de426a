//! The reader's documents: the default session and every file opened in this browser, each to
//! open, to compare the open one with ("what changed since"), and the kept ones to remove.

use leptos::prelude::*;

use crate::app::documents::use_documents;
use crate::app::library;
use crate::app::state::use_state;
use crate::app::DEFAULT_NAME;
use crate::view::DEFAULT_SESSION_NUMBER;

#[component]
pub fn LibraryList() -> impl IntoView {
    let state = use_state();
    let docs = use_documents();
    let kept = state.kept;
    let current = move || state.loaded.with(|l| l.hash.clone());
    view! {
        <details class="library">
            <summary>"الدورات · " <span lang="en">"Sessions"</span> " (" {move || kept.with(Vec::len) + 1} ")"</summary>
            <button class="scope-all" data-scope-all="" aria-pressed=move || state.query.with(|q| q.all_sessions).to_string()
                on:click=move |_| state.change(|q| q.all_sessions = true, true)>
                "ابحث في كل الدورات · " <span lang="en">"Search every session"</span>
            </button>
            <ul>
                <li aria-current=move || current().is_none().then_some("true")>
                    <span class="name" dir="ltr">{DEFAULT_NAME}</span>
                    <span class="meta">"الدورة الافتراضية · " <span lang="en">"default session"</span></span>
                    <button disabled=move || current().is_none() on:click=move |_| docs.switch_to(None)>"فتح · Open"</button>
                    <CompareButton with="default".to_string() name=DEFAULT_NAME.to_string() is_current=Signal::derive(move || current().is_none()) />
                    <PairButton with="default".to_string() name=DEFAULT_NAME.to_string() edition=(Some(DEFAULT_SESSION_NUMBER), "ar".to_string()) />
                </li>
                <For
                    each=move || kept.get()
                    // An entry described later (`library::describe`) is drawn again, with its edition.
                    key=|e| (e.hash.clone(), e.language.clone())
                    children=move |e: library::Entry| view! { <KeptEntry entry=e /> }
                />
            </ul>
        </details>
    }
}

/// One kept document in the list.
#[component]
fn KeptEntry(entry: library::Entry) -> impl IntoView {
    let state = use_state();
    let docs = use_documents();
    let hash = entry.hash.clone();
    let is_current = {
        let hash = hash.clone();
        move || {
            state
                .loaded
                .with(|l| l.hash.as_deref() == Some(hash.as_str()))
        }
    };
    let when = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(entry.added))
        .to_iso_string()
        .as_string()
        .unwrap_or_default()
        .chars()
        .take(10)
        .collect::<String>();
    let meta = format!(
        "{} resolutions · {} KB · {when}",
        entry.resolutions,
        (entry.size / 1024.0).ceil() as u64
    );
    let open_label = format!("فتح · Open {}", entry.name);
    // Each name begins with the button's visible text (WCAG 2.5.3, Label in Name).
    let remove_label = format!("حذف · Remove {} from this browser", entry.name);
    let (h_open, h_remove) = (hash.clone(), hash.clone());
    let current = Signal::derive(is_current);
    view! {
        <li data-kept=hash.clone() data-language=entry.language.clone() aria-current=move || current.get().then_some("true")>
            <span class="name" dir="auto">{entry.name.clone()}</span>
            <span class="meta">{meta}</span>
            <button aria-label=open_label on:click=move |_| docs.switch_to(Some(h_open.clone()))>"فتح · Open"</button>
            <CompareButton with=hash.clone() name=entry.name.clone() is_current=current />
            <PairButton with=hash.clone() name=entry.name.clone() edition=(entry.session, entry.language.clone()) />
            <button class="remove" aria-label=remove_label on:click=move |_| docs.remove(h_remove.clone())>"حذف · Remove"</button>
        </li>
    }
}

/// "Compare": the open document against this one (`compare=`), what changed from it.
#[component]
fn CompareButton(with: String, name: String, is_current: Signal<bool>) -> impl IntoView {
    let state = use_state();
    let label = format!("قارن · Compare the open session with {name}");
    let comparing = {
        let with = with.clone();
        move || {
            state
                .query
                .with(|q| q.compare.as_deref() == Some(with.as_str()))
        }
    };
    let compare = move |_| {
        let with = with.clone();
        state.change(move |q| q.compare = Some(with.clone()), true);
    };
    view! {
        <button class="compare" aria-label=label data-compare-with=""
            disabled=move || is_current.get() aria-pressed=move || comparing().to_string()
            on:click=compare>"قارن · Compare"</button>
    }
}

/// "Side by side": the open edition beside this one (`pair=`), offered when this is another
/// edition (another language) of the open session.
#[component]
fn PairButton(with: String, name: String, edition: (Option<u32>, String)) -> impl IntoView {
    let state = use_state();
    let label = format!("جنباً إلى جنب · Side by side with {name}");
    let (session, language) = edition;
    let another_edition = move || {
        state.loaded.with(|l| {
            !language.is_empty()
                && language != l.doc.language.code()
                && session.is_some()
                && session == l.doc.session.number
        })
    };
    let pairing = {
        let with = with.clone();
        move || {
            state
                .query
                .with(|q| q.pair.as_deref() == Some(with.as_str()))
        }
    };
    let pair = move |_| {
        let with = with.clone();
        state.change(move |q| q.pair = Some(with.clone()), true);
    };
    view! {
        <Show when=another_edition.clone()>
            <button class="pair" aria-label=label.clone() data-pair-with=""
                aria-pressed={
                    let pairing = pairing.clone();
                    move || pairing().to_string()
                }
                on:click=pair.clone()>"جنباً إلى جنب · Side by side"</button>
        </Show>
    }
}
