//! The app's components: they render what the pure modules compute.

mod app;
mod map;
mod panel;

pub use app::App;
