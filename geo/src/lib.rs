//! Geometry engine of the regional fragility dashboard.
//!
//! Pure Rust, no browser dependency: used at build time by the data pipeline and testable natively.
//! Coordinates flow as `[f64; 2]`: `[longitude, latitude]` in degrees before projection,
//! `[x, y]` in metres (Lambert-93) after, and `[x, y]` in SVG user units (y down) after fitting.

pub mod area;
pub mod error;
pub mod features;
pub mod fit;
pub mod inset;
pub mod label;
pub mod lambert93;
pub mod path;
pub mod simplify;
pub mod tilegrid;
pub mod topology;

pub use error::{Error, Result};
pub use features::{read_features, Feature, Polygon, Ring};
pub use fit::{Bbox, Fit};
pub use lambert93::Lambert93;

/// A point: `[lon, lat]`, `[x, y]` metres, or `[x, y]` screen units depending on the stage.
pub type Point = [f64; 2];
