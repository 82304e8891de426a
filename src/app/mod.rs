//! The browser viewer (wasm32 only).
