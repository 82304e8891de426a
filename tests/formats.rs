//! Word (.docx) and web-page (.html) copies of the default session give the same resolutions as
//! the text: same ids, titles, clause counts and opening verbs. The files are made here from the
//! default session, the way Word and a browser would write them (bold as runs or tags, clause
//! numbers typed or drawn by Word's list numbering, the table of contents as a table).

mod common;

use common::formats::{docx, html, numbered, paged, zip_of};
use common::{check_lossless, DEFAULT_SESSION};
use qarar::Document;

/// What must survive a change of format.
fn shape(doc: &Document) -> Vec<(String, String, usize, Option<String>)> {
    doc.resolutions
        .iter()
        .map(|r| {
            (
                r.id.clone(),
                r.title.clone(),
                r.operative.len(),
                r.operative
                    .first()
                    .and_then(|c| c.verbs.first())
                    .map(|v| v.lemma.to_string()),
            )
        })
        .collect()
}

fn text_shape() -> Vec<(String, String, usize, Option<String>)> {
    shape(&qarar::parse(DEFAULT_SESSION))
}

#[test]
fn a_docx_with_typed_numbers_gives_the_same_resolutions() {
    let (doc, _) =
        qarar::parse_bytes(&docx(DEFAULT_SESSION, false)).expect("the .docx should parse");
    assert_eq!(doc.resolutions.len(), 56);
    assert_eq!(shape(&doc), text_shape());
    assert!(
        doc.diagnostics.iter().any(|d| d.message.contains(".docx")),
        "the format should be reported"
    );
}

#[test]
fn a_docx_whose_numbers_word_draws_gives_the_same_resolutions() {
    let drawn = DEFAULT_SESSION
        .lines()
        .filter(|l| numbered(l.trim_start()).is_some())
        .count();
    assert!(
        drawn > 300,
        "most clauses should be numbered by Word here ({drawn})"
    );
    let (doc, _) =
        qarar::parse_bytes(&docx(DEFAULT_SESSION, true)).expect("the .docx should parse");
    assert_eq!(
        shape(&doc),
        text_shape(),
        "clause numbers from Word's list numbering should be written out"
    );
    let first = &doc.resolutions[0].operative[0];
    assert_eq!(first.label.as_deref(), Some("1."));
}

#[test]
fn bold_runs_in_a_docx_become_emphasis() {
    let (doc, _) = qarar::parse_bytes(&docx(DEFAULT_SESSION, false)).unwrap();
    let from_text = qarar::parse(DEFAULT_SESSION);
    let count = |d: &Document| -> usize {
        d.resolutions
            .iter()
            .flat_map(|r| &r.operative)
            .map(|c| c.emphasis.len())
            .sum()
    };
    assert!(count(&from_text) > 100);
    assert_eq!(
        count(&doc),
        count(&from_text),
        "every bold run should be an emphasis span"
    );
}

#[test]
fn a_saved_web_page_gives_the_same_resolutions() {
    let page = html(DEFAULT_SESSION);
    let (doc, decoded) = qarar::parse_bytes(page.as_bytes()).expect("the page should parse");
    assert_eq!(shape(&doc), text_shape());
    assert!(
        !decoded.text.contains("var x"),
        "the page's script should not become text"
    );
}

#[test]
fn other_archives_and_broken_docx_files_are_refused_clearly() {
    let odt = zip_of(&[("content.xml", "<office:document-content/>")]);
    let e = qarar::parse_bytes(&odt).unwrap_err().to_string();
    assert!(e.contains("not a Word document"), "{e}");

    let mut broken = docx(DEFAULT_SESSION, false);
    broken.truncate(broken.len() / 2);
    let e = qarar::parse_bytes(&broken).unwrap_err().to_string();
    assert!(e.contains("Word file cannot be read"), "{e}");

    let e = qarar::parse_bytes(b"%PDF-1.4\n%\xE2\xE3")
        .unwrap_err()
        .to_string();
    assert!(e.contains("PDF") && e.contains(".docx"), "{e}");
}

#[test]
fn a_hostile_list_level_is_read_as_the_last_one() {
    // ilvl is a u32 in the file; sizing the list counters by it would ask for gigabytes.
    let document = "<?xml version=\"1.0\"?><w:document xmlns:w=\"w\"><w:body>\
        <w:p><w:r><w:t>قرار رقم 44/1-س</w:t></w:r></w:p>\
        <w:p><w:r><w:t>إنّ مجلس وزراء الخارجية، المنعقد في دورته؛</w:t></w:r></w:p>\
        <w:p><w:pPr><w:numPr><w:ilvl w:val=\"4000000000\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr><w:r><w:t>يرحب بذلك.</w:t></w:r></w:p>\
        </w:body></w:document>";
    let d = zip_of(&[("word/document.xml", document)]);
    let (doc, _) = qarar::parse_bytes(&d).expect("should parse");
    assert_eq!(doc.resolutions.len(), 1);
}

/// Every paragraph's text, in order.
fn texts(doc: &Document) -> Vec<String> {
    doc.resolutions
        .iter()
        .flat_map(|r| {
            let pre = r.preamble.iter().map(|p| p.text.clone());
            let op = r.operative.iter().flat_map(|c| {
                std::iter::once(c.text.clone()).chain(c.items.iter().map(|i| i.text.clone()))
            });
            pre.chain(op).collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn a_pdf_conversion_with_page_numbers_and_running_heads_gives_the_same_resolutions() {
    let (text, furniture) = paged(DEFAULT_SESSION, None, 40);
    let doc = qarar::parse(&text);
    check_lossless(&text, &doc).unwrap();
    assert_eq!(
        doc.furniture.len(),
        furniture,
        "every page number and running head should be set aside as furniture"
    );
    assert_eq!(shape(&doc), text_shape());
    assert_eq!(
        texts(&doc),
        texts(&qarar::parse(DEFAULT_SESSION)),
        "no page number or running head should end up in a paragraph, or split one"
    );
}

#[test]
fn a_pdf_conversion_that_wraps_paragraphs_gives_the_same_resolutions() {
    let (text, furniture) = paged(DEFAULT_SESSION, Some(85), 40);
    let doc = qarar::parse(&text);
    check_lossless(&text, &doc).unwrap();
    assert_eq!(doc.furniture.len(), furniture);
    assert_eq!(
        shape(&doc),
        text_shape(),
        "wrapped paragraphs should be rejoined into the same clauses"
    );
    let original = qarar::parse(DEFAULT_SESSION);
    assert!(
        doc.unplaced.len() <= original.unplaced.len(),
        "wrapping should leave no line unplaced: {:?}",
        doc.unplaced
    );
    let rejoins = doc
        .diagnostics
        .iter()
        .filter(|d| d.code.slug() == "line-rejoined")
        .count();
    assert!(
        rejoins <= doc.resolutions.len(),
        "one note per resolution for its rejoined lines, not one per line: {rejoins}"
    );
}

#[test]
fn a_web_page_s_own_lines_are_set_aside_not_read_as_the_cover() {
    // A session saved from a news site: the site's name and menu, the page's title, its source
    // and date above the document, its copyright under it.
    let page = common::formats::html(DEFAULT_SESSION).replace(
        "<body>\n",
        "<body>\n<header><div>موقع أخبار العالم الإسلامي</div><nav><a>الرئيسية</a> | <a>أخبار</a> | \
         <a>وثائق</a> | <a>اتصل بنا</a></nav></header>\n<h1>نص قرارات الدورة الرابعة والأربعين</h1>\n\
         <p>المصدر: منظمة التعاون الإسلامي</p>\n<p>تاريخ النشر: 12 يوليو 2017</p>\n",
    ).replace("</body>", "<footer><p>جميع الحقوق محفوظة © 2017</p></footer></body>");
    let (doc, _) = qarar::parse_bytes(page.as_bytes()).expect("the page should be read");
    let (plain, _) = qarar::parse_bytes(common::formats::html(DEFAULT_SESSION).as_bytes()).unwrap();
    assert_eq!(
        doc.session.organisation.as_deref(),
        Some("منظمة التعاون الإسلامي"),
        "the source line is not the organisation"
    );
    assert_eq!(
        doc.session.title, plain.session.title,
        "the page's title is not the document's"
    );
    assert_eq!(shape(&doc), shape(&plain), "the same resolutions");
    let set_aside: Vec<&str> = doc
        .furniture
        .iter()
        .filter(|f| f.kind == qarar::model::FurnitureKind::WebPage)
        .map(|f| f.text.as_str())
        .collect();
    assert_eq!(set_aside.len(), 6, "kept, not lost: {set_aside:?}");
    assert!(
        doc.unplaced.len() <= plain.unplaced.len(),
        "and nothing more unplaced"
    );
    assert_eq!(
        doc.resolutions[0].preamble[0].text,
        plain.resolutions[0].preamble[0].text
    );
}
