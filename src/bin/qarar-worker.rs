//! The background parser: a Web Worker that reads and parses files off the page's thread
//! (`qarar::app::worker`). Trunk builds it for wasm32 beside the viewer; natively it only says so.

#[cfg(target_arch = "wasm32")]
fn main() {
    qarar::app::worker::serve();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("qarar-worker runs in the browser, started by the viewer. For the command line, use `qarar parse FILE`.");
}
