//! The browser viewer's entry point. Trunk builds it for wasm32; natively it only says so.

#[cfg(target_arch = "wasm32")]
fn main() {
    qarar::app::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("qarar-web is the browser viewer: run `bash scripts/run.sh` (see README.md). For the command line, use `qarar parse FILE`.");
}
