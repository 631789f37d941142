//! Reading named polygons out of a GeoJSON FeatureCollection (with the `geojson` crate).

use crate::{Error, Point, Result};
use geojson::{FeatureCollection, GeometryValue, Position};

/// A closed ring of points (the first point is repeated at the end, as in GeoJSON).
pub type Ring = Vec<Point>;

/// One polygon: its outer ring then its holes.
#[derive(Debug, Clone, PartialEq)]
pub struct Polygon {
    pub rings: Vec<Ring>,
}

/// A named area (region or département) made of one or more polygons.
#[derive(Debug, Clone, PartialEq)]
pub struct Feature {
    /// INSEE code, from the `code` property.
    pub code: String,
    /// French name, from the `nom` property.
    pub name: String,
    pub polygons: Vec<Polygon>,
}

impl Feature {
    /// The same feature with every point passed through `f`.
    pub fn map_points(&self, f: impl Fn(Point) -> Point) -> Feature {
        Feature {
            code: self.code.clone(),
            name: self.name.clone(),
            polygons: self
                .polygons
                .iter()
                .map(|p| Polygon {
                    rings: p
                        .rings
                        .iter()
                        .map(|r| r.iter().map(|&q| f(q)).collect())
                        .collect(),
                })
                .collect(),
        }
    }

    /// Every point of every ring.
    pub fn points(&self) -> impl Iterator<Item = &Point> {
        self.polygons.iter().flat_map(|p| p.rings.iter().flatten())
    }
}

/// Parses a FeatureCollection whose features are Polygons or MultiPolygons with string
/// properties `code` and `nom`. `source_name` (a file path) is used in error messages.
///
/// ```
/// let text = r#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":
///   {"code":"94","nom":"Corse"},"geometry":{"type":"Polygon","coordinates":
///   [[[9,42],[9.5,42],[9.5,43],[9,42]]]}}]}"#;
/// let f = geofrag::read_features(text, "corse.geojson").unwrap();
/// assert_eq!(f[0].name, "Corse");
/// ```
pub fn read_features(text: &str, source_name: &str) -> Result<Vec<Feature>> {
    let fc: FeatureCollection = text.parse().map_err(|e: geojson::Error| Error::Parse {
        source_name: source_name.to_string(),
        message: e.to_string(),
    })?;
    fc.features
        .iter()
        .enumerate()
        .map(|(index, f)| {
            let bad = |field: &'static str, message: String| Error::Feature {
                source_name: source_name.to_string(),
                index,
                field,
                message,
            };
            let prop = |key: &'static str| -> Result<String> {
                match f.property(key) {
                    Some(serde_json::Value::String(s)) if !s.trim().is_empty() => Ok(s.clone()),
                    Some(other) => Err(bad(
                        key,
                        format!("expected a non-empty string, found {other}"),
                    )),
                    None => Err(bad(key, "missing".into())),
                }
            };
            let code = prop("code")?;
            let name = prop("nom")?;
            let geometry = f
                .geometry
                .as_ref()
                .ok_or_else(|| bad("geometry", "missing".into()))?;
            let polygons = match &geometry.value {
                GeometryValue::Polygon { coordinates } => vec![polygon(coordinates)],
                GeometryValue::MultiPolygon { coordinates } => {
                    coordinates.iter().map(|p| polygon(p)).collect()
                }
                other => {
                    return Err(bad(
                        "geometry",
                        format!(
                            "expected Polygon or MultiPolygon, found {}",
                            other.type_name()
                        ),
                    ))
                }
            };
            let polygons = polygons
                .into_iter()
                .collect::<std::result::Result<Vec<_>, String>>()
                .map_err(|m| bad("geometry", m))?;
            Ok(Feature {
                code,
                name,
                polygons,
            })
        })
        .collect()
}

fn polygon(rings: &[Vec<Position>]) -> std::result::Result<Polygon, String> {
    if rings.is_empty() {
        return Err("polygon without rings".into());
    }
    let rings = rings
        .iter()
        .enumerate()
        .map(|(i, ring)| {
            let pts: Vec<Point> = ring
                .iter()
                .map(|p| {
                    let s = p.as_slice();
                    if s.len() < 2 || !s[0].is_finite() || !s[1].is_finite() {
                        Err(format!("ring {i}: bad position {s:?}"))
                    } else if !(-180.0..=180.0).contains(&s[0]) || !(-90.0..=90.0).contains(&s[1]) {
                        Err(format!(
                            "ring {i}: position {s:?} is not longitude/latitude"
                        ))
                    } else {
                        Ok([s[0], s[1]])
                    }
                })
                .collect::<std::result::Result<_, _>>()?;
            if pts.len() < 4 {
                return Err(format!("ring {i}: {} positions, a ring needs 4", pts.len()));
            }
            if pts.first() != pts.last() {
                return Err(format!("ring {i}: not closed"));
            }
            Ok(pts)
        })
        .collect::<std::result::Result<Vec<_>, String>>()?;
    Ok(Polygon { rings })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fc(geometry: &str, props: &str) -> String {
        format!(
            r#"{{"type":"FeatureCollection","features":[{{"type":"Feature","properties":{props},"geometry":{geometry}}}]}}"#
        )
    }
    const SQUARE: &str = r#"{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}"#;

    #[test]
    fn reads_polygon_and_multipolygon() {
        let multi = r#"{"type":"MultiPolygon","coordinates":[[[[0,0],[1,0],[1,1],[0,0]]],[[[5,5],[6,5],[6,6],[5,5]]]]}"#;
        let f = read_features(&fc(multi, r#"{"code":"53","nom":"Bretagne"}"#), "t").unwrap();
        assert_eq!(f[0].polygons.len(), 2);
        assert_eq!(f[0].code, "53");
        let f = read_features(&fc(SQUARE, r#"{"code":"53","nom":"Bretagne"}"#), "t").unwrap();
        assert_eq!(f[0].points().count(), 4);
    }

    /// Bad input names the file, the feature and the field.
    #[test]
    fn errors_say_where() {
        let e = read_features(&fc(SQUARE, r#"{"nom":"X"}"#), "regions.geojson").unwrap_err();
        assert_eq!(e.to_string(), "regions.geojson: feature #0: code: missing");
        let open = r#"{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1]]]}"#;
        let e = read_features(&fc(open, r#"{"code":"1","nom":"X"}"#), "f").unwrap_err();
        assert!(e.to_string().contains("ring 0: not closed"), "{e}");
        let point = r#"{"type":"Point","coordinates":[0,0]}"#;
        let e = read_features(&fc(point, r#"{"code":"1","nom":"X"}"#), "f").unwrap_err();
        assert!(e.to_string().contains("found Point"), "{e}");
        let e = read_features("{\"type\":", "broken.geojson").unwrap_err();
        assert!(
            e.to_string().starts_with("broken.geojson: invalid GeoJSON"),
            "{e}"
        );
        let far =
            r#"{"type":"Polygon","coordinates":[[[700000,6600000],[1,0],[1,1],[700000,6600000]]]}"#;
        let e = read_features(&fc(far, r#"{"code":"1","nom":"X"}"#), "f").unwrap_err();
        assert!(e.to_string().contains("not longitude/latitude"), "{e}");
    }
}
