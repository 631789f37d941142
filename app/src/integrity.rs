//! Integrity of the runtime data: each file is fetched under a URL that names its content (so no
//! cache can serve a stale copy) and checked against the SHA-256 compiled into the wasm before it
//! is parsed (so a truncated or altered file is refused, never drawn).

use sha2::{Digest, Sha256};

include!(concat!(env!("OUT_DIR"), "/data_hashes.rs"));

/// A runtime data file and the SHA-256 its content must have.
#[derive(Clone, Copy, Debug)]
pub struct DataFile {
    pub path: &'static str,
    pub sha256: &'static str,
}

pub const DATASET: DataFile = DataFile {
    path: "data/dataset.json",
    sha256: DATASET_SHA256,
};
pub const GEOMETRY: DataFile = DataFile {
    path: "data/regions.json",
    sha256: REGIONS_SHA256,
};

/// The départements' outlines, downloaded when the user goes down to them.
pub const DEP_GEOMETRY: DataFile = DataFile {
    path: "data/departements.json",
    sha256: DEPARTEMENTS_SHA256,
};
/// The départements' values, likewise.
pub const DEP_DATA: DataFile = DataFile {
    path: "data/departements-data.json",
    sha256: DEPARTEMENTS_DATA_SHA256,
};

impl DataFile {
    /// The URL to fetch, relative to the page: the path with the start of the hash as a query, so
    /// a new dataset is never answered from a cache that holds the old one.
    pub fn url(&self) -> String {
        format!("{}?v={}", self.path, &self.sha256[..16])
    }

    /// Accepts the bytes only if their SHA-256 is the expected one.
    pub fn verify(&self, bytes: &[u8]) -> Result<(), String> {
        let got = sha256_hex(bytes);
        if got == self.sha256 {
            Ok(())
        } else {
            Err(format!(
                "{} : contenu altéré ou incomplet, empreinte SHA-256 {}… au lieu de {}…",
                self.path,
                &got[..12],
                &self.sha256[..12]
            ))
        }
    }
}

impl DataFile {
    /// Parses the file's bytes (already checked), naming the file in the error.
    pub fn parse<T: serde::de::DeserializeOwned>(&self, bytes: &[u8]) -> Result<T, String> {
        serde_json::from_slice(bytes).map_err(|e| format!("{} : {e}", self.path))
    }

    /// Checks the bytes against the file's SHA-256, then parses them: nothing altered is read.
    pub fn read<T: serde::de::DeserializeOwned>(&self, bytes: &[u8]) -> Result<T, String> {
        self.verify(bytes)?;
        self.parse(bytes)
    }
}

/// The SHA-256 of some bytes, in lower-case hexadecimal.
pub fn sha256_hex(bytes: &[u8]) -> String {
    format!("{:x}", Sha256::digest(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha256_matches_the_standard_test_vector() {
        // FIPS 180-2, appendix B.1.
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn the_shipped_files_pass_and_one_changed_byte_fails() {
        for f in [DATASET, GEOMETRY] {
            let path = format!("{}/../assets/{}", env!("CARGO_MANIFEST_DIR"), f.path);
            let mut bytes = std::fs::read(&path).expect("data file");
            assert_eq!(f.verify(&bytes), Ok(()), "{path}");
            let last = bytes.len() - 2;
            bytes[last] ^= 1;
            let err = f.verify(&bytes).expect_err("altered file accepted");
            assert!(err.contains(f.path) && err.contains("SHA-256"), "{err}");
            bytes.truncate(100);
            assert!(f.verify(&bytes).is_err(), "truncated file accepted");
        }
    }

    #[test]
    fn urls_name_the_content() {
        let u = DATASET.url();
        assert!(u.starts_with("data/dataset.json?v="), "{u}");
        assert_eq!(u.len(), "data/dataset.json?v=".len() + 16);
        assert_ne!(DATASET.url(), GEOMETRY.url());
    }
}
