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

#[cfg(feature = "pipeline")]
/// Builds the map geometry from the GeoJSON features and the COG's list of regions.
/// Every COG region must have exactly one feature and every feature must be a COG region.
pub fn build_map(
    features: &[geofrag::Feature],
    cog: &[crate::regions::CogRegion],
    geo_file: &str,
    source: &str,
) -> crate::Result<MapGeometry> {
    for (i, f) in features.iter().enumerate() {
        if !cog.iter().any(|r| r.code == f.code) {
            return Err(Error::invalid(
                geo_file,
                0,
                "code",
                format!("feature #{i}: unknown region code {:?}", f.code),
            ));
        }
        if features[..i].iter().any(|g| g.code == f.code) {
            return Err(Error::invalid(
                geo_file,
                0,
                "code",
                format!("feature #{i}: duplicate region code {:?}", f.code),
            ));
        }
    }
    if let Some(missing) = cog
        .iter()
        .find(|r| !features.iter().any(|f| f.code == r.code))
    {
        return Err(Error::invalid(
            geo_file,
            0,
            "code",
            format!("region {} ({}) has no feature", missing.code, missing.nom),
        ));
    }
    use crate::{Error, GENERATED_BY};
    use geofrag::{Bbox, Feature, Fit, Lambert93};
    let proj = Lambert93::new();
    let projected: Vec<Feature> = features
        .iter()
        .map(|f| f.map_points(|p| proj.forward(p)))
        .collect();
    let extent = Bbox::of(projected.iter().flat_map(|f| f.points()));
    let fit = Fit::to_width(extent, MAP_WIDTH, MAP_PADDING);
    let round = |v: f64| (v * 10.0).round() / 10.0;
    let mut regions: Vec<RegionShape> = cog
        .iter()
        .map(|r| {
            let f = projected
                .iter()
                .find(|f| f.code == r.code)
                .expect("checked above");
            let screen = f.map_points(|p| fit.apply(p));
            let b = Bbox::of(screen.points());
            RegionShape {
                code: r.code.clone(),
                name: r.nom.clone(),
                path: geofrag::path::compact_path(&screen.polygons, PATH_DIGITS),
                label: {
                    let largest = screen
                        .polygons
                        .iter()
                        .max_by(|a, b| {
                            geofrag::area::polygon_area(a)
                                .total_cmp(&geofrag::area::polygon_area(b))
                        })
                        .expect("a region has a polygon");
                    let p = geofrag::label::pole_of_inaccessibility(largest, 0.5);
                    [round(p[0]), round(p[1])]
                },
                bbox: [
                    round(b.min[0]),
                    round(b.min[1]),
                    round(b.width()),
                    round(b.height()),
                ],
            }
        })
        .collect();
    regions.sort_by(|a, b| a.code.cmp(&b.code));
    let inset = projected.iter().find(|f| f.code == INSET_REGION).map(|f| {
        let screen = f.map_points(|p| fit.apply(p));
        let b = Bbox::of(screen.points());
        let frame = Bbox {
            min: [MAP_PADDING, MAP_PADDING],
            max: [INSET_BOX[0], INSET_BOX[1]],
        };
        let t = geofrag::inset::Inset::fit(b, frame, 8.0);
        let enlarged = screen.map_points(|p| t.apply(p));
        InsetShape {
            code: f.code.clone(),
            path: geofrag::path::compact_path(&enlarged.polygons, PATH_DIGITS),
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
        projection: "Lambert-93 (EPSG:2154)".into(),
        width: MAP_WIDTH,
        height: round(fit.size[1]),
        regions,
        inset,
        grid: [gc, gr],
        tiles,
    })
}
