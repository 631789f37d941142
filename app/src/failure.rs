//! What went wrong, in plain words: the technical detail (the browser's or the parser's words,
//! often English) goes behind a "Détails" disclosure, the sentence the user reads says what
//! happened and what to do, in the page's language.

use crate::i18n::Lang;

/// A data download's failure (`loading::fetch`'s message) in plain words.
///
/// ```
/// use app::{failure::data_failure, i18n::Lang};
/// assert!(data_failure("dataset.json : HTTP 404", Lang::Fr).contains("introuvable"));
/// assert!(data_failure("TypeError: Failed to fetch", Lang::En).contains("connection"));
/// ```
pub fn data_failure(detail: &str, lang: Lang) -> &'static str {
    if detail.contains("délai") {
        lang.t(
            "Le serveur ne répond pas assez vite : la connexion est peut-être lente ou coupée. Réessayez dans un moment.",
            "The server is not answering fast enough: the connection may be slow or cut. Try again in a moment.",
        )
    } else if detail.contains("HTTP 4") {
        lang.t(
            "Un fichier de données est introuvable sur le serveur : la mise en ligne est peut-être incomplète.",
            "A data file cannot be found on the server: the deployment may be incomplete.",
        )
    } else if detail.contains("HTTP 5") {
        lang.t(
            "Le serveur a rencontré une erreur en envoyant les données. Réessayez dans un moment.",
            "The server failed while sending the data. Try again in a moment.",
        )
    } else if detail.contains("SHA-256") || detail.contains("empreinte") {
        lang.t(
            "Un fichier de données a été modifié ou abîmé en chemin : il est refusé, rien de faux n'est affiché.",
            "A data file was changed or damaged on the way: it is refused, nothing wrong is shown.",
        )
    } else if detail.contains("Failed to fetch") || detail.contains("NetworkError") {
        lang.t(
            "La connexion au serveur a échoué : vérifiez le réseau puis réessayez.",
            "The connection to the server failed: check the network, then try again.",
        )
    } else {
        lang.t(
            "Un fichier de données est illisible : la mise en ligne est peut-être incomplète ou abîmée.",
            "A data file cannot be read: the deployment may be incomplete or damaged.",
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every kind of failure the loader reports gets its own sentence, in both languages, and
    /// never the raw detail.
    #[test]
    fn each_failure_has_its_sentence() {
        let cases = [
            "dataset.json : délai de 20 s dépassé",
            "regions.json : HTTP 404",
            "dataset.json : HTTP 503",
            "dataset.json : empreinte SHA-256 inattendue",
            "TypeError: Failed to fetch",
            "dataset.json : expected value at line 1 column 1",
        ];
        let fr: Vec<&str> = cases.iter().map(|c| data_failure(c, Lang::Fr)).collect();
        let mut distinct = fr.clone();
        distinct.sort();
        distinct.dedup();
        assert_eq!(distinct.len(), cases.len(), "{fr:?}");
        for (c, s) in cases.iter().zip(&fr) {
            assert!(!s.contains(c), "the detail is not the sentence");
            assert_ne!(*s, data_failure(c, Lang::En));
        }
    }
}
