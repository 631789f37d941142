//! The app's components: they render what the state modules compute.

mod accessibility;
mod acteurs;
mod analysis;
mod app;
mod chart;
mod compare;
mod context;
mod deck;
mod dep;
mod export;
mod kept;
mod map;
mod map_marks;
mod measure;
mod method;
mod ranking;
mod region;
mod scatter;
mod search;
mod table;
mod trajectory;

pub use app::App;
