//! Finding a region by typing: accents, case, hyphens and spaces do not matter ("ile de
//! france", "Île-de-France" and "iledefrance" find the same region), a name matches on any word's
//! start or inside, and the INSEE code matches too.

use datafrag::model::Dataset;

/// `text` without accents, case, or separators: "Île-de-France" → "iledefrance".
pub fn fold(text: &str) -> String {
    text.chars()
        .filter_map(|c| {
            let c = c.to_lowercase().next().unwrap_or(c);
            let plain = match c {
                'à' | 'â' | 'ä' | 'á' => 'a',
                'é' | 'è' | 'ê' | 'ë' => 'e',
                'î' | 'ï' | 'í' => 'i',
                'ô' | 'ö' | 'ó' => 'o',
                'ù' | 'û' | 'ü' | 'ú' => 'u',
                'ç' => 'c',
                'ÿ' => 'y',
                c => c,
            };
            plain.is_alphanumeric().then_some(plain)
        })
        .collect()
}

/// The regions matching `query`, as (code, name): those whose name starts with it first, then
/// those where a word starts with it, then those containing it; all of them for an empty query.
///
/// ```
/// let ds: datafrag::model::Dataset =
///     serde_json::from_str(include_str!("../../../assets/data/dataset.json")).unwrap();
/// let names = |q| app::state::search::matches(&ds, q).into_iter().map(|(_, n)| n).collect::<Vec<_>>();
/// assert_eq!(names("occ"), ["Occitanie"]);
/// assert_eq!(names("ile de"), ["Île-de-France"]);
/// assert_eq!(names("76"), ["Occitanie"]);
/// assert_eq!(names("alpes"), ["Auvergne-Rhône-Alpes", "Provence-Alpes-Côte d'Azur"]);
/// assert_eq!(names("de france"), ["Île-de-France", "Hauts-de-France"]);
/// assert_eq!(names("zz"), Vec::<String>::new());
/// ```
pub fn matches(ds: &Dataset, query: &str) -> Vec<(String, String)> {
    let q = fold(query);
    let score = |r: &datafrag::model::Area| -> Option<u8> {
        if q.is_empty() || r.code == query.trim() {
            return Some(0);
        }
        let name = fold(&r.name);
        // From any word's start: "de france" finds Île-de-France.
        let word_start = r
            .name
            .char_indices()
            .filter(|(i, _)| *i == 0 || r.name[..*i].ends_with([' ', '-', '\'']))
            .any(|(i, _)| fold(&r.name[i..]).starts_with(&q));
        if name.starts_with(&q) {
            Some(1)
        } else if word_start {
            Some(2)
        } else if name.contains(&q) {
            Some(3)
        } else {
            None
        }
    };
    let scores: Vec<Option<u8>> = ds.regions.iter().map(score).collect();
    // Best score first, the dataset's order within a score (no sort: its code weighs ~3 KB).
    (0..=3)
        .flat_map(|best| {
            ds.regions
                .iter()
                .zip(&scores)
                .filter(move |(_, s)| **s == Some(best))
                .map(|(r, _)| (r.code.clone(), r.name.clone()))
        })
        .collect()
}
