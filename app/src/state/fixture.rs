//! A small synthetic dataset for the state tests (3 regions, 3 domains).
use datafrag::model::*;

fn meta(id: &str, domain: &str, polarity: Polarity) -> IndicatorMeta {
    IndicatorMeta {
        id: id.into(),
        domain: domain.into(),
        label_fr: format!("{id} fr"),
        label_en: format!("{id} en"),
        definition_fr: "déf".into(),
        definition_en: "def".into(),
        unit: "%".into(),
        year: "2020".into(),
        producer: "INSEE".into(),
        producer_en: String::new(),
        licence: "LO".into(),
        licence_en: String::new(),
        origin: "file".into(),
        source: "custom".into(),
        method: "m".into(),
        method_en: "m".into(),
        polarity,
        index_rule: IndexRule::Ratio,
        caveats: String::new(),
        caveats_en: String::new(),
        series: None,
        weight: Default::default(),
    }
}

fn dom(id: &str, fr: &str) -> DomainMeta {
    DomainMeta {
        id: id.into(),
        label_fr: fr.into(),
        label_en: id.into(),
        in_sentence_fr: format!("le {id}"),
        in_sentence_en: id.into(),
        description_fr: String::new(),
        description_en: String::new(),
        origin: "product".into(),
        gap_fr: None,
        gap_en: None,
        note_fr: None,
        note_en: None,
        explained: vec![],
    }
}

/// Region A: more fragile on `vieillissement` (120) and `handicap` (110), less on `emploi` (80).
/// Region B: more fragile everywhere. Region C: no value for `handicap`.
pub fn dataset() -> Dataset {
    let regions = vec![
        Area {
            code: "75".into(),
            name: "Alpha".into(),
            neighbours: vec![],
        },
        Area {
            code: "76".into(),
            name: "Bêta".into(),
            neighbours: vec![],
        },
        Area {
            code: "94".into(),
            name: "Corse".into(),
            neighbours: vec![],
        },
    ];
    let ind = |id: &str, d: &str, v: [Option<f64>; 3], f: f64| {
        let index: Vec<Option<f64>> = v.iter().map(|x| x.map(|x| 100.0 * x / f)).collect();
        IndicatorOut {
            meta: meta(id, d, Polarity::HigherIsFragile),
            france: Some(f),
            values: v.to_vec(),
            missing: v
                .iter()
                .map(|x| x.is_none().then(|| "non disponible".to_string()))
                .collect(),
            rank: datafrag::index::ranks(&index),
            index,
            trajectory: None,
        }
    };
    let indicators = vec![
        ind(
            "chomage",
            "emploi",
            [Some(8.0), Some(12.0), Some(9.0)],
            10.0,
        ),
        ind(
            "seniors",
            "vieillissement",
            [Some(24.0), Some(22.0), Some(21.0)],
            20.0,
        ),
        ind("aah", "handicap", [Some(3.3), Some(3.6), None], 3.0),
    ];
    let domains = [
        ("emploi", "Emploi"),
        ("vieillissement", "Vieillissement"),
        ("handicap", "Handicap"),
    ]
    .iter()
    .map(|(id, fr)| {
        let own: Vec<&IndicatorOut> = indicators.iter().filter(|i| i.meta.domain == *id).collect();
        let rows: Vec<&[Option<f64>]> = own.iter().map(|i| i.index.as_slice()).collect();
        let index = datafrag::index::mean_index(&rows, 3);
        DomainOut {
            meta: dom(id, fr),
            indicators: own.iter().map(|i| i.meta.id.clone()).collect(),
            rank: datafrag::index::ranks(&index),
            index,
            correlations: vec![],
            robust: vec![],
        }
    })
    .collect();
    let mut ds = Dataset {
        generated_by: "test".into(),
        regions,
        domains,
        indicators,
        profiles: vec![],
        acteurs: datafrag::seeds::Seeds {
            fact: vec![],
            practice: vec![],
            practice_base: datafrag::seeds::Base {
                n: 100,
                population: "Entreprises".into(),
                seed: "001.txt".into(),
                quote: "N = 100".into(),
            },
            survey: vec![],
            margins: datafrag::seeds::Margins {
                national_min: 2.0,
                national_max: 3.0,
                regional: 5.0,
                unit: "points".into(),
                sample: "304".into(),
                seed: "000.txt".into(),
                quote: "q".into(),
            },
            sentence: vec![],
        },
        overall: Default::default(),
        reference: Default::default(),
        weights: Vec::new(),
    };
    let equal = vec![1.0; ds.domains.len()];
    datafrag::robust::refresh(&mut ds, &equal, 400);
    ds
}
