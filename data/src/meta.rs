//! Loading and checking the hand-written metadata (domains.toml, indicators.toml).

use crate::model::{DomainMeta, IndicatorMeta};
use crate::{Error, Result};
use serde::Deserialize;

#[derive(Deserialize)]
struct DomainsFile {
    domain: Vec<DomainMeta>,
}

#[derive(Deserialize)]
struct IndicatorsFile {
    indicator: Vec<IndicatorMeta>,
}

/// A TOML error as `file:line: toml: message`.
pub(crate) fn toml_err(file: &str, text: &str, e: toml::de::Error) -> Error {
    let line = e.span().map_or(0, |s| {
        text[..s.start.min(text.len())].lines().count().max(1)
    });
    Error::invalid(file, line, "toml", e.message().to_string())
}

/// Deserialises a metadata file, refusing any key it does not know: a misspelt `index_rul`
/// would otherwise be ignored and its indicator fall back to the default rule. The error names
/// the key's line.
pub(crate) fn strict<T: serde::de::DeserializeOwned>(text: &str, file: &str) -> Result<T> {
    let de = toml::Deserializer::parse(text).map_err(|e| toml_err(file, text, e))?;
    let mut unknown: Vec<String> = Vec::new();
    let v: T = serde_ignored::deserialize(de, |path| unknown.push(path.to_string()))
        .map_err(|e| toml_err(file, text, e))?;
    if let Some(path) = unknown.first() {
        let key = path.rsplit('.').next().unwrap_or(path);
        let line = text
            .lines()
            .position(|l| {
                l.trim_start()
                    .strip_prefix(key)
                    .is_some_and(|r| r.trim_start().starts_with('='))
            })
            .map_or(0, |i| i + 1);
        return Err(Error::invalid(
            file,
            line,
            key,
            format!("unknown key ({path}): misspelt, or not a field of this file"),
        ));
    }
    Ok(v)
}

/// An id: lower-case letters, digits and `_`, as links and file names use it.
fn check_id(file: &str, what: &str, id: &str) -> Result<()> {
    if id.is_empty()
        || !id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
    {
        return Err(Error::invalid(
            file,
            0,
            "id",
            format!("{what} id {id:?}: lower-case letters, digits and _ only, not empty"),
        ));
    }
    Ok(())
}

/// The 16 domains, with unique ids and every text filled in.
pub fn domains(text: &str, file: &str) -> Result<Vec<DomainMeta>> {
    let d: DomainsFile = strict(text, file)?;
    for (i, dom) in d.domain.iter().enumerate() {
        check_id(file, "domain", &dom.id)?;
        if d.domain[..i].iter().any(|o| o.id == dom.id) {
            return Err(Error::invalid(
                file,
                line_of(text, "id", &dom.id),
                "id",
                format!("duplicate domain {:?}", dom.id),
            ));
        }
        if !matches!(dom.origin.as_str(), "PHARE" | "decks" | "product") {
            return Err(Error::invalid(
                file,
                line_of(text, "id", &dom.id),
                "origin",
                format!(
                    "domain {:?}: origin must be PHARE, decks or product",
                    dom.id
                ),
            ));
        }
    }
    if d.domain.len() != 16 {
        return Err(Error::invalid(
            file,
            0,
            "domain",
            format!("{} domains, expected 16", d.domain.len()),
        ));
    }
    Ok(d.domain)
}

/// The indicators, each in a known domain, with unique ids and no empty required text.
pub fn indicators(text: &str, file: &str, domains: &[DomainMeta]) -> Result<Vec<IndicatorMeta>> {
    let d: IndicatorsFile = strict(text, file)?;
    for (i, m) in d.indicator.iter().enumerate() {
        check_id(file, "indicator", &m.id)?;
        if d.indicator[..i].iter().any(|o| o.id == m.id) {
            return Err(Error::invalid(
                file,
                line_of(text, "id", &m.id),
                "id",
                format!("duplicate indicator {:?}", m.id),
            ));
        }
        if !domains.iter().any(|dom| dom.id == m.domain) {
            return Err(Error::invalid(
                file,
                line_of(text, "id", &m.id),
                "domain",
                format!("indicator {:?}: unknown domain {:?}", m.id, m.domain),
            ));
        }
        let required = [
            ("label_fr", &m.label_fr),
            ("label_en", &m.label_en),
            ("definition_fr", &m.definition_fr),
            ("definition_en", &m.definition_en),
            ("unit", &m.unit),
            ("year", &m.year),
            ("producer", &m.producer),
            ("licence", &m.licence),
            ("origin", &m.origin),
            ("source", &m.source),
            ("method", &m.method),
            ("method_en", &m.method_en),
        ];
        if let Some((field, _)) = required.iter().find(|(_, v)| v.trim().is_empty()) {
            return Err(Error::invalid(
                file,
                line_of(text, "id", &m.id),
                *field,
                format!("indicator {:?}: empty", m.id),
            ));
        }
        if !m.caveats.trim().is_empty() && m.caveats_en.trim().is_empty() {
            return Err(Error::invalid(
                file,
                line_of(text, "id", &m.id),
                "caveats_en",
                format!("indicator {:?}: empty while caveats is not", m.id),
            ));
        }
        if let Some(s) = &m.series {
            let fault = if s.to - s.from < 1 {
                Some(format!(
                    "{}–{}: a series spans two years at least",
                    s.from, s.to
                ))
            } else if s.rule_fr.trim().is_empty() || s.rule_en.trim().is_empty() {
                Some("empty rule (how a year's value is made)".to_string())
            } else {
                s.breaks
                    .iter()
                    .find(|b| **b <= s.from || **b > s.to)
                    .map(|b| format!("break {b} outside {}–{}", s.from + 1, s.to))
            };
            if let Some(f) = fault {
                return Err(Error::invalid(
                    file,
                    line_of(text, "id", &m.id),
                    "series",
                    format!("indicator {:?}: {f}", m.id),
                ));
            }
        }
    }
    Ok(d.indicator)
}

/// The line of `key = "value"` in a TOML text (1-based, 0 if not found): where an error about
/// a whole `[[indicator]]` or `[[domain]]` block points.
pub fn line_of(text: &str, key: &str, value: &str) -> usize {
    let needle = format!("{key} = \"{value}\"");
    text.lines()
        .position(|l| l.trim() == needle)
        .map_or(0, |k| k + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ONE: &str = r#"[[domain]]
id = "emploi"
in_sentence_fr = "l'emploi"
in_sentence_en = "employment"
label_fr = "Emploi"
label_en = "Employment"
description_fr = "x"
description_en = "x"
origin = "PHARE"
"#;

    #[test]
    fn rejects_wrong_count_and_bad_origin() {
        let e = domains(ONE, "domains.toml").unwrap_err().to_string();
        assert_eq!(e, "domains.toml:0: domain: 1 domains, expected 16");
        let e = domains(&ONE.replace("PHARE", "guess"), "domains.toml")
            .unwrap_err()
            .to_string();
        assert!(e.contains("origin must be"), "{e}");
        let e = domains("[[domain]]\nid = 3\n", "d.toml")
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("d.toml:2: toml:"), "{e}");
    }
}
