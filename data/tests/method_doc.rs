//! METHOD.md's coherence table says what the dataset holds: every domain, its number of
//! indicators and each pair's correlation, to two decimals. A change of indicators that is not
//! carried into the method fails here.

mod common;

#[test]
fn method_coherence_table_matches_the_dataset() {
    let method = std::fs::read_to_string(common::root().join("METHOD.md")).unwrap();
    let ds: datafrag::model::Dataset = serde_json::from_str(
        &std::fs::read_to_string(common::root().join(datafrag::build::OUT_DATASET)).unwrap(),
    )
    .unwrap();
    let start = method
        .find("| domain | indicators | pairs")
        .expect("METHOD.md has the coherence table");
    let rows: Vec<Vec<String>> = method[start..]
        .lines()
        .skip(2)
        .take_while(|l| l.starts_with('|'))
        .map(|l| {
            l.trim_matches('|')
                .split('|')
                .map(|c| c.trim().to_string())
                .collect()
        })
        .collect();
    assert_eq!(rows.len(), ds.domains.len(), "one row per domain");
    for (row, d) in rows.iter().zip(&ds.domains) {
        assert_eq!(row[0], d.meta.id);
        assert_eq!(row[1], d.indicators.len().to_string(), "{}", d.meta.id);
        let pairs: Vec<String> = d
            .correlations
            .iter()
            .map(|c| format!("{} × {} {:+.2}", c.a, c.b, c.r))
            .collect();
        let expected = if pairs.is_empty() {
            "—".to_string()
        } else {
            pairs.join(", ")
        };
        assert_eq!(row[2], expected, "{}", d.meta.id);
    }
}
