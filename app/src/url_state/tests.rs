use super::*;
use crate::model::{with_added, with_slot};

pub(super) fn catalog() -> Catalog {
    Catalog {
        regions: [
            "11", "24", "27", "28", "32", "44", "52", "53", "75", "76", "84", "93", "94",
        ]
        .map(String::from)
        .to_vec(),
        domains: vec!["emploi".into(), "sante".into()],
        indicators: vec!["aah".into(), "taux_pauvrete".into()],
        years: vec![2016, 2019],
        series: vec!["aah".into()],
    }
}

#[test]
fn defaults_write_nothing_and_round_trip() {
    let c = catalog();
    assert_eq!(to_query(&ViewState::default_for(&c), &c), "");
    assert_eq!(parse("", &c), (ViewState::default_for(&c), vec![]));
}

#[test]
fn every_view_round_trips() {
    let c = catalog();
    for view in View::ALL {
        for region in [None, Some("94".to_string())] {
            if view == View::Region && region.is_none() {
                continue;
            }
            let s = ViewState {
                view,
                region: region.clone(),
                compare: vec!["11".into(), "94".into(), "53".into()],
                measure: Measure::Indicator("aah".into()),
                layout: Layout::Grid,
                lang: Lang::En,
                year: Some(2016),
                since: Some(2016),
                series: matches!(view, View::Region | View::Compare).then(|| "aah".into()),
                lines: matches!(view, View::Region | View::Compare),
                weights: vec![("emploi".into(), 2), ("sante".into(), 0)],
                reference: datafrag::reference::Reference::HorsIdf,
                y: Some(Measure::Indicator("taux_pauvrete".into())),
                level: crate::model::Level::Dep,
                dep: Some("2A".into()),
            };
            let q = to_query(&s, &c);
            assert_eq!(parse(&q, &c), (s, vec![]), "{q}");
        }
    }
    let q = to_query(
        &ViewState {
            measure: Measure::Domain("sante".into()),
            ..ViewState::default_for(&c)
        },
        &c,
    );
    assert_eq!(q, "?domain=sante");
    let q = to_query(
        &ViewState {
            view: View::Compare,
            compare: vec!["11".into(), "75".into()],
            ..ViewState::default_for(&c)
        },
        &c,
    );
    assert_eq!(q, "?view=compare&regions=11,75");
    // A year the data holds is kept; another opens the latest data with a notice.
    let (s, n) = parse("?view=region&region=76&year=2016", &c);
    assert_eq!((s.year, n.len()), (Some(2016), 0));
    assert_eq!(to_query(&s, &c), "?view=region&region=76&year=2016");
    for bad in ["1900", "deux-mille", "2016.5"] {
        let (s, n) = parse(&format!("?year={bad}"), &c);
        assert_eq!(
            (s.year, n),
            (None, vec![Notice::UnknownYear(bad.into())]),
            "{bad}"
        );
    }
}

/// A broken link opens the nearest sensible view with a notice, never an error.
#[test]
fn broken_parameters_fall_back_with_a_notice() {
    let c = catalog();
    for bad in ["99", "%ZZ", "75abc", "<script>alert(1)</script>", "1e308"] {
        let (s, n) = parse(&format!("region={bad}"), &c);
        assert_eq!(s.region, None, "{bad}");
        assert_eq!(n.len(), 1, "{bad}");
    }
    let (s, n) = parse("view=region", &c);
    assert_eq!(
        (s.view, n),
        (View::Map, vec![Notice::RegionViewNeedsRegion])
    );
    let (s, n) = parse("view=region&region=99", &c);
    assert_eq!(s.view, View::Map);
    assert_eq!(n, vec![Notice::UnknownRegion("99".into())]);
    let (s, n) = parse("view=nope", &c);
    assert_eq!((s.view, n.len()), (View::Map, 1));
    let (s, n) = parse("view=compare&regions=75", &c);
    assert_eq!(
        (s.compare, n.len()),
        (vec!["75".to_string(), "76".to_string()], 1)
    );
    let (s, n) = parse("view=compare&regions=75,75,99,11", &c);
    assert_eq!(
        (s.compare, n.len()),
        (vec!["75".to_string(), "11".to_string()], 1)
    );
    let (s, n) = parse("regions=11,24,27,28,32", &c);
    assert_eq!((s.compare.len(), n.len()), (2, 1));
    let (s, n) = parse("domain=sport", &c);
    assert_eq!((s.measure, n.len()), (c.default_measure(), 1));
    let (_, n) = parse("layout=hex&lang=de", &c);
    assert_eq!(n.len(), 2);
    let (_, n) = parse("region=%3Cb%3Ex", &c);
    assert_eq!(n, vec![Notice::UnknownRegion("<b>x".into())]);
}

/// The comparison's rules, shared by the link parser and the view's pickers: 2 to 4 regions,
/// no repeat; a refused change leaves the comparison as it was.
#[test]
fn comparison_slots() {
    let c: Vec<String> = ["75", "76", "53", "11"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    assert_eq!(with_slot(&c, 4, Some("24")), None, "four at most");
    assert_eq!(with_slot(&c, 3, None).map(|v| v.len()), Some(3));
    assert_eq!(with_slot(&c[..2], 5, None), None);
    let all: Vec<String> = ["75", "76", "53"].iter().map(|s| s.to_string()).collect();
    assert_eq!(with_added(&c[..2], &all), Some(all.clone()));
    assert_eq!(with_added(&all, &all), None, "no region left to add");
    assert_eq!(compared(vec!["75".into(), "75".into()]), None);
    let (s, notices) = parse("?view=compare&regions=75,75,76", &catalog());
    assert_eq!(s.compare, vec!["75", "76"]);
    assert_eq!(notices.len(), 1, "the repeat is reported");
}

/// Before the data loads, the language and the workshop are read by the parser's rules, not
/// by looking for a substring ("?xlang=en" is not English; "?view=ateliers" is no workshop).
#[test]
fn language_and_workshop_before_the_data() {
    assert_eq!(lang_of("?region=75&lang=en"), Lang::En);
    assert_eq!(lang_of("?xlang=en"), Lang::Fr);
    assert_eq!(lang_of("?lang=en&lang=fr"), Lang::Fr, "the last one wins");
    assert!(opens_workshop("?lang=en&view=atelier"));
    assert!(!opens_workshop("?view=ateliers"));
    assert!(opens_workshop(&workshop_query()));
}

/// An old link to the merged "pouvoir d'achat" domain opens poverty, without a notice.
#[test]
fn moved_domain_opens_its_new_home() {
    let mut c = catalog();
    c.domains.push("pauvrete".into());
    let (s, notices) = parse("?domain=pouvoir_achat", &c);
    assert_eq!(s.measure, Measure::Domain("pauvrete".into()));
    assert!(notices.is_empty());
    assert_eq!(to_query(&s, &c), "?domain=pauvrete");
}

#[test]
fn unknown_keys_ignored_and_last_key_wins() {
    let c = catalog();
    let (s, n) = parse("?utm=x&region=11&region=75&lang=fr&lang=en", &c);
    assert_eq!((s.region.as_deref(), s.lang), (Some("75"), Lang::En));
    assert!(n.is_empty());
}

#[test]
fn notice_message_is_short_and_clean() {
    let long = "x".repeat(500) + "\u{0007}";
    for lang in [Lang::Fr, Lang::En] {
        let msg = Notice::UnknownRegion(long.clone()).message(lang);
        assert!(msg.chars().count() < 130, "{msg}");
        assert!(!msg.contains('\u{0007}'));
    }
}

/// Promise: the followed indicator and the lines are kept by the region page's and the
/// comparison's links, dropped elsewhere, and a bad value opens the default with a notice.
#[test]
fn series_and_lines_round_trip_where_they_mean_something() {
    let c = catalog();
    let (s, n) = parse("?view=compare&series=aah&chart=lines", &c);
    assert_eq!(
        (s.series.as_deref(), s.lines, n),
        (Some("aah"), true, vec![])
    );
    assert_eq!(to_query(&s, &c), "?view=compare&series=aah&chart=lines");
    let (s, n) = parse("?series=aah&chart=lines", &c);
    assert_eq!(to_query(&s, &c), "", "the map has no lines");
    assert!(n.is_empty());
    // An indicator without a series, an unknown chart.
    let (s, n) = parse("?view=compare&series=taux_pauvrete&chart=pie", &c);
    assert_eq!((s.series, s.lines), (None, false));
    assert_eq!(
        n,
        vec![
            Notice::UnknownValue {
                key: "series",
                value: "taux_pauvrete".into()
            },
            Notice::UnknownValue {
                key: "chart",
                value: "pie".into()
            },
        ]
    );
}

/// The link reopens the same view: weights and reference survive the round trip, only
/// what differs from the defaults is written, and a bad weight or reference says so.
#[test]
fn weights_and_reference_round_trip() {
    let c = catalog();
    let (s, n) = parse(
        "?view=ranking&domain=sante&w=emploi:2,sante:0&ref=hors-idf",
        &c,
    );
    assert_eq!(n, vec![]);
    assert_eq!(
        s.weights,
        vec![("emploi".to_string(), 2), ("sante".to_string(), 0)]
    );
    assert_eq!(s.reference, datafrag::reference::Reference::HorsIdf);
    assert_eq!(
        to_query(&s, &c),
        "?view=ranking&domain=sante&w=emploi:2,sante:0&ref=hors-idf"
    );
    // weight 1 is the default and is not written; the domains keep the catalog's order
    let (s, _) = parse("?w=sante:3,emploi:1", &c);
    assert_eq!(to_query(&s, &c), "?w=sante:3");
    let (s, n) = parse("?w=emploi:9,nope:2,sante:2&ref=paris", &c);
    assert_eq!(s.weights, vec![("sante".to_string(), 2)]);
    assert_eq!(s.reference, datafrag::reference::Reference::France);
    assert_eq!(n.len(), 2, "{n:?}");
    let (s, n) = parse("?domain=ensemble", &c);
    assert_eq!((s.measure, n.len()), (Measure::Overall, 0));
}

/// The scatter plot's second measure: any domain, indicator or the overall reading, by its word;
/// an unknown word opens the default with a notice; an old domain word is moved.
#[test]
fn scatter_y_round_trips_and_tolerates_bad_words() {
    let c = catalog();
    for (word, m) in [
        ("sante", Measure::Domain("sante".into())),
        ("aah", Measure::Indicator("aah".into())),
        ("ensemble", Measure::Overall),
    ] {
        let q = format!("?view=scatter&indicator=taux_pauvrete&y={word}");
        let (s, n) = parse(&q, &c);
        assert_eq!(
            (s.view, s.y.clone(), n),
            (View::Scatter, Some(m), vec![]),
            "{q}"
        );
        assert_eq!(to_query(&s, &c), q);
    }
    let (s, n) = parse("?view=scatter&y=nope", &c);
    assert_eq!(s.y, None);
    assert_eq!(
        s.y_measure(&c),
        Measure::Domain("sante".into()),
        "first domain other than x"
    );
    assert_eq!(
        n,
        vec![Notice::UnknownValue {
            key: "y",
            value: "nope".into()
        }]
    );
    let (s, _) = parse("?view=scatter&y=pouvoir_achat", &c);
    assert_eq!(s.y, None, "moved to pauvrete, absent from this catalog");
}
