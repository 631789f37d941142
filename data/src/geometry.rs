//! The regions' map geometry the app ships: projected in Lambert-93, fitted to a fixed
//! viewport, as SVG path strings.

use serde::{Deserialize, Serialize};

/// Width of the map's SVG viewBox, in user units.
pub const MAP_WIDTH: f64 = 1000.0;
/// Padding inside the viewBox.
pub const MAP_PADDING: f64 = 10.0;
/// The region shown enlarged in an inset (Île-de-France, a few pixels wide otherwise).
pub const INSET_REGION: &str = "11";
/// Bottom-right corner of the inset's frame (top-left is the map's padding): the sea north-west
/// of Brittany and west of the Cotentin, empty at this projection and width.
pub const INSET_BOX: [f64; 2] = [205.0, 190.0];
/// Decimals kept in path coordinates (0.1 unit at 1 000 units wide is below a pixel).
pub const PATH_DIGITS: u32 = 1;

/// The runtime geometry file (`assets/data/regions.json`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MapGeometry {
    pub generated_by: String,
    /// Where the outlines come from (producer, file, edition).
    pub source: String,
    /// The same in English.
    #[serde(default)]
    pub source_en: String,
    pub projection: String,
    /// viewBox width and height.
    pub width: f64,
    pub height: f64,
    pub regions: Vec<RegionShape>,
    /// Île-de-France enlarged in the free space north-west of Brittany.
    pub inset: Option<InsetShape>,
    /// The tile-grid layout: grid size and one tile per region.
    pub grid: [u8; 2],
    pub tiles: Vec<Tile>,
}

/// An enlarged region drawn in a frame, linked to its true place by a leader line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InsetShape {
    pub code: String,
    pub path: String,
    /// Frame `[x, y, width, height]`.
    pub frame: [f64; 4],
    pub scale: f64,
    /// Leader line from the frame to the region: `[x1, y1, x2, y2]`.
    pub leader: [f64; 4],
}

/// One tile of the grid layout.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Tile {
    pub code: String,
    /// ISO 3166-2 short code (IDF, NAQ…), printed on the tile.
    pub short: String,
    pub col: u8,
    pub row: u8,
}

/// One region on the map.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RegionShape {
    /// INSEE region code.
    pub code: String,
    /// Official French name (COG).
    pub name: String,
    /// SVG path data in viewBox units.
    pub path: String,
    /// Bounding box in viewBox units: `[x, y, width, height]`.
    pub bbox: [f64; 4],
    /// Where its label goes: the pole of inaccessibility of its largest polygon.
    pub label: [f64; 2],
}

/// The départements' geometry (`assets/data/departements.json`), on the same viewBox as the
/// regions' map: loaded by the app only when the user goes down to the départements.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DepartementsGeometry {
    pub generated_by: String,
    pub source: String,
    pub projection: String,
    pub width: f64,
    pub height: f64,
    pub departements: Vec<DepartementShape>,
}

/// One département: its region and its outline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DepartementShape {
    pub code: String,
    pub name: String,
    pub region: String,
    pub path: String,
    pub bbox: [f64; 4],
    pub label: [f64; 2],
}

#[cfg(feature = "pipeline")]
fn round(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

#[cfg(feature = "pipeline")]
/// Bounding box and label anchor (pole of inaccessibility of the largest polygon).
fn bbox_label(polygons: &[geofrag::Polygon]) -> ([f64; 4], [f64; 2]) {
    use geofrag::area::polygon_area;
    let b = geofrag::Bbox::of(polygons.iter().flat_map(|p| p.rings.iter().flatten()));
    let largest = polygons
        .iter()
        .max_by(|a, b| polygon_area(a).total_cmp(&polygon_area(b)))
        .expect("an area has a polygon");
    let p = geofrag::label::pole_of_inaccessibility(largest, 0.5);
    (
        [
            round(b.min[0]),
            round(b.min[1]),
            round(b.width()),
            round(b.height()),
        ],
        [round(p[0]), round(p[1])],
    )
}

#[cfg(feature = "pipeline")]
/// The départements' file from the layers.
pub fn build_departements(layers: &crate::layers::Layers, source: &str) -> DepartementsGeometry {
    DepartementsGeometry {
        generated_by: crate::GENERATED_BY.into(),
        source: source.into(),
        projection: "Lambert-93 (EPSG:2154)".into(),
        width: MAP_WIDTH,
        height: round(layers.height),
        departements: layers
            .departements
            .iter()
            .map(|d| {
                let (bbox, label) = bbox_label(&d.polygons);
                DepartementShape {
                    code: d.code.clone(),
                    name: d.name.clone(),
                    region: d.region.clone(),
                    path: geofrag::path::compact_path(&d.polygons, PATH_DIGITS),
                    bbox,
                    label,
                }
            })
            .collect(),
    }
}

#[cfg(feature = "pipeline")]
/// Builds the map geometry from the layers and the COG's list of regions: every COG region must
/// be drawn. The inset is drawn from the unsimplified outline (it is enlarged).
pub fn build_map(
    layers: &crate::layers::Layers,
    cog: &[crate::regions::CogRegion],
    geo_file: &str,
    source: &str,
) -> crate::Result<MapGeometry> {
    use crate::{Error, GENERATED_BY};
    use geofrag::Bbox;
    let mut regions = Vec::with_capacity(cog.len());
    for r in cog {
        let area = layers
            .regions
            .iter()
            .find(|a| a.code == r.code)
            .ok_or_else(|| {
                Error::invalid(
                    geo_file,
                    0,
                    "code",
                    format!("region {} ({}) has no département", r.code, r.nom),
                )
            })?;
        let (bbox, label) = bbox_label(&area.polygons);
        regions.push(RegionShape {
            code: r.code.clone(),
            name: r.nom.clone(),
            path: geofrag::path::compact_path(&area.polygons, PATH_DIGITS),
            bbox,
            label,
        });
    }
    let inset = layers
        .source_regions
        .iter()
        .find(|a| a.code == INSET_REGION)
        .map(|a| {
            let b = Bbox::of(a.polygons.iter().flat_map(|p| p.rings.iter().flatten()));
            let frame = Bbox {
                min: [MAP_PADDING, MAP_PADDING],
                max: [INSET_BOX[0], INSET_BOX[1]],
            };
            let t = geofrag::inset::Inset::fit(b, frame, 8.0);
            let enlarged: Vec<geofrag::Polygon> = a
                .polygons
                .iter()
                .map(|p| geofrag::Polygon {
                    rings: p
                        .rings
                        .iter()
                        .map(|r| r.iter().map(|&q| t.apply(q)).collect())
                        .collect(),
                })
                .collect();
            InsetShape {
                code: a.code.clone(),
                path: geofrag::path::compact_path(&enlarged, PATH_DIGITS),
                frame: [frame.min[0], frame.min[1], frame.width(), frame.height()],
                scale: round(t.scale),
                leader: [
                    round(frame.max[0]),
                    round(frame.max[1] * 0.6),
                    round(b.min[0]),
                    round((b.min[1] + b.max[1]) / 2.0),
                ],
            }
        });
    let tiles = geofrag::tilegrid::TILES
        .iter()
        .map(|(code, short, col, row)| Tile {
            code: code.to_string(),
            short: short.to_string(),
            col: *col,
            row: *row,
        })
        .collect();
    let (gc, gr) = geofrag::tilegrid::size();
    Ok(MapGeometry {
        generated_by: GENERATED_BY.into(),
        source: source.into(),
        source_en: String::new(),
        projection: "Lambert-93 (EPSG:2154)".into(),
        width: MAP_WIDTH,
        height: round(layers.height),
        regions,
        inset,
        grid: [gc, gr],
        tiles,
    })
}
