//! Draws a [`Node`] tree (laid out in the background, see `crate::view::tree`) as DOM nodes: text
//! is always a text node, elements and attributes only those the tree's types name.

use wasm_bindgen::JsCast;

use crate::view::tree::Node;

const SVG: &str = "http://www.w3.org/2000/svg";

/// `node` as a DOM node of `document`; `in_svg`: inside an `<svg>`, where every element is SVG's.
pub fn draw(document: &web_sys::Document, node: &Node, in_svg: bool) -> Option<web_sys::Node> {
    match node {
        Node::Text(t) => Some(document.create_text_node(t).into()),
        Node::Element {
            tag,
            attrs,
            children,
        } => {
            let svg = in_svg || tag.is_svg();
            let el = if svg {
                document.create_element_ns(Some(SVG), tag.name()).ok()?
            } else {
                document.create_element(tag.name()).ok()?
            };
            for (attr, value) in attrs {
                let _ = el.set_attribute(attr.name(), value);
            }
            for child in children {
                if let Some(c) = draw(document, child, svg) {
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
        if let Some(d) = draw(&document, n, false) {
            let _ = fragment.append_child(&d);
        }
    }
    parent.set_text_content(None);
    let _ = parent.append_child(&fragment);
}

/// Makes what `parent` holds (drawn from `old`) what `new` would draw, touching only what
/// differs: an attribute or a text that changed, an element whose tag changed, a list whose
/// length changed. The nodes that stay keep the keyboard focus, and an SVG path whose data did
/// not change is not parsed again (a map's redraw costs its changed classes, not its shapes).
pub fn patch(parent: &web_sys::Element, old: &[Node], new: &[Node]) {
    let document = gloo_utils::document();
    let in_svg = parent.namespace_uri().as_deref() == Some(SVG);
    let children = parent.child_nodes();
    if old.len() != new.len() || children.length() as usize != old.len() {
        let fragment = document.create_document_fragment();
        for n in new {
            if let Some(d) = draw(&document, n, in_svg) {
                let _ = fragment.append_child(&d);
            }
        }
        parent.set_text_content(None);
        let _ = parent.append_child(&fragment);
        return;
    }
    for (k, (was, now)) in old.iter().zip(new).enumerate() {
        let Some(dom) = children.item(k as u32) else {
            return;
        };
        match (was, now) {
            (Node::Text(a), Node::Text(b)) => {
                if a != b {
                    dom.set_node_value(Some(b));
                }
            }
            (
                Node::Element {
                    tag: t1,
                    attrs: a1,
                    children: c1,
                },
                Node::Element {
                    tag: t2,
                    attrs: a2,
                    children: c2,
                },
            ) if t1 == t2 => {
                let el: web_sys::Element = dom.unchecked_into();
                for (attr, value) in a2 {
                    if !a1.iter().any(|(a, v)| a == attr && v == value) {
                        let _ = el.set_attribute(attr.name(), value);
                    }
                }
                for (attr, _) in a1 {
                    if !a2.iter().any(|(a, _)| a == attr) {
                        let _ = el.remove_attribute(attr.name());
                    }
                }
                patch(&el, c1, c2);
            }
            _ => {
                if let Some(d) = draw(&document, now, in_svg) {
                    let _ = parent.replace_child(&d, &dom);
                }
            }
        }
    }
}
