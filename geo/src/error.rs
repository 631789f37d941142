//! The one error type of geo/.

/// What can go wrong reading or processing geometry. Every variant names where.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The text is not valid GeoJSON (with the parser's own message, which carries line and column).
    #[error("{source_name}: invalid GeoJSON: {message}")]
    Parse {
        source_name: String,
        message: String,
    },
    /// A feature is unusable: which one and which field.
    #[error("{source_name}: feature #{index}: {field}: {message}")]
    Feature {
        source_name: String,
        index: usize,
        field: &'static str,
        message: String,
    },
    /// Arcs that do not form closed rings, or a hole outside every outer ring.
    #[error("topology of {code}: {message}")]
    Topology { code: String, message: String },
}

/// `Result` with geo/'s error.
pub type Result<T> = std::result::Result<T, Error>;
