//! Where an indicator's figures come from, in the order a reader needs: the producer's
//! publication and its file first, the repository the file was copied from second, as
//! provenance (`origin` in the dataset holds both: "file, sheet, github owner/repo @ commit").

/// One file the indicator was read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    /// The file as its producer named it, with its sheet or column.
    pub file: String,
    /// The repository it was copied from, "owner/repo @ commit" (short commit).
    pub mirror: Option<String>,
}

/// The files of an `origin` line (several are separated by " ; ").
///
/// ```
/// use app::state::provenance::origins;
/// let o = origins("Panorama_statistique_2024.xlsx, feuille 2, github TristanJoly/Lattitudes_cartes @ 8b0948a82eabb4dd796b632c99807236e0cd4cce");
/// assert_eq!(o[0].file, "Panorama_statistique_2024.xlsx, feuille 2");
/// assert_eq!(o[0].mirror.as_deref(), Some("TristanJoly/Lattitudes_cartes @ 8b0948a"));
/// ```
pub fn origins(origin: &str) -> Vec<Origin> {
    origin
        .split(" ; ")
        .filter(|p| !p.trim().is_empty())
        .map(|part| match part.split_once("github ") {
            Some((file, repo)) => {
                let file = file
                    .trim_end()
                    .trim_end_matches("via")
                    .trim_end()
                    .trim_end_matches(',')
                    .trim();
                let repo = match repo.split_once(" @ ") {
                    Some((r, sha)) => {
                        format!("{} @ {}", r.trim(), &sha.trim()[..sha.trim().len().min(7)])
                    }
                    None => repo.trim().to_string(),
                };
                Origin {
                    file: file.to_string(),
                    mirror: Some(repo),
                }
            }
            None => Origin {
                file: part.trim().to_string(),
                mirror: None,
            },
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The real shapes of the dataset's origins: "via github", a second file with no mirror.
    #[test]
    fn every_shape_of_origin() {
        let o = origins("famille_TAUX-CHOMAGE_19122024.xlsx (INSEE BDM), via github Haaycee/MSPR-SOLO @ 1ebbf31c69114e7285939e37eea08583d14d180f");
        assert_eq!(o.len(), 1);
        assert_eq!(o[0].file, "famille_TAUX-CHOMAGE_19122024.xlsx (INSEE BDM)");
        assert_eq!(o[0].mirror.as_deref(), Some("Haaycee/MSPR-SOLO @ 1ebbf31"));
        let o = origins("minima-sociaux.xlsx Tableau 1, github patrickaubert/asdep @ 354aafea0102 ; estim-pop-dep-sexe-aq-1975-2023.xls");
        assert_eq!(o.len(), 2);
        assert_eq!(
            o[1],
            Origin {
                file: "estim-pop-dep-sexe-aq-1975-2023.xls".into(),
                mirror: None
            }
        );
        assert!(origins("").is_empty());
    }
}
