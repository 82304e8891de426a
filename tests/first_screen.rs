//! index.html carries the default session's first screen, written ahead of time
//! (src/view/first_screen.rs): it must be what the parser makes of the session today.
//! `QARAR_BLESS=1 cargo test --test first_screen` writes it again.

use qarar::view::first_screen::{first_screen, BEGIN, END};

#[test]
fn index_html_holds_the_first_screen_the_parser_makes_today() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/index.html");
    let page = std::fs::read_to_string(path).expect("index.html should be readable");
    let doc = qarar::parse(include_str!("../sessions/cfm-44-political-ar.txt"));
    let fresh = first_screen(&doc, "cfm-44-political-ar.txt");
    let (Some(start), Some(end)) = (page.find(BEGIN), page.find(END)) else {
        panic!("index.html should mark the first screen with {BEGIN} … {END}");
    };
    let written = page[start + BEGIN.len()..end].trim();
    if written != fresh {
        if std::env::var_os("QARAR_BLESS").is_some() {
            let page = format!(
                "{}\n    {fresh}\n    {}",
                &page[..start + BEGIN.len()],
                &page[end..]
            );
            std::fs::write(path, page).expect("index.html should be writable");
            return;
        }
        panic!(
            "index.html's first screen should be what the parser makes of the default session \
             today; run `QARAR_BLESS=1 cargo test --test first_screen` to write it again"
        );
    }
}
