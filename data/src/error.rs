//! The one error type of data/: every variant says which file, and where possible which line and field.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// A value is wrong: `file:line: field: what is wrong` (line 0 when the format has no lines).
    #[error("{file}:{line}: {field}: {message}")]
    Invalid {
        file: String,
        line: usize,
        field: String,
        message: String,
    },
    #[cfg(feature = "pipeline")]
    #[error(transparent)]
    Geo(#[from] geofrag::Error),
    /// A regenerated file differs from the committed one.
    #[error("{path}: differs from what the pipeline generates now ({detail}); run the pipeline's `build` and review the diff")]
    Stale { path: String, detail: String },
}

pub type Result<T> = std::result::Result<T, Error>;

impl Error {
    /// Shorthand for [`Error::Invalid`].
    pub fn invalid(
        file: impl Into<String>,
        line: usize,
        field: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Error::Invalid {
            file: file.into(),
            line,
            field: field.into(),
            message: message.into(),
        }
    }
}
