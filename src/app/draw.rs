//! Draws a [`Node`] tree (laid out in the background, see `crate::view::tree`) as DOM nodes: text
//! is always a text node, elements and attributes only those the tree's types name.

use wasm_bindgen::JsCast;

use crate::view::tree::Node;

/// `node` as a DOM node of `document`.
pub fn draw(document: &web_sys::Document, node: &Node) -> Option<web_sys::Node> {
    match node {
        Node::Text(t) => Some(document.create_text_node(t).into()),
        Node::Element {
            tag,
            attrs,
            children,
        } => {
            let el = document.create_element(tag.name()).ok()?;
            for (attr, value) in attrs {
                let _ = el.set_attribute(attr.name(), value);
            }
            for child in children {
                if let Some(c) = draw(document, child) {
                    let _ = el.append_child(&c);
                }
            }
            Some(el.unchecked_into())
        }
    }
}

/// Replaces what `parent` holds with `nodes`, in one go (a fragment).
pub fn replace_children(parent: &web_sys::Element, nodes: &[&Node]) {
    let document = gloo_utils::document();
    let fragment = document.create_document_fragment();
    for n in nodes {
        if let Some(d) = draw(&document, n) {
            let _ = fragment.append_child(&d);
        }
    }
    parent.set_text_content(None);
    let _ = parent.append_child(&fragment);
}
