//! The choropleth: the regions' outlines (or the tile grid) filled by class, the Île-de-France
//! inset, and the legend beside them. The export draws [`choropleth`]; the screen map takes its
//! sizes, borders and inset title from here and its fills from the same [`MapState`].

use super::{Anchor, Mark, Scene, BORDER, MUTED};
use crate::format;
use crate::i18n::Lang;
use crate::model::Layout;
use crate::palette::{needs_dark_text, COLORS, MISSING};
use crate::state::map::MapState;
use datafrag::geometry::{InsetShape, MapGeometry};

/// Tile size in the grid layout's units (screen and export).
pub const TILE: f64 = 100.0;
/// Width of the regions' borders, in the map's units.
pub const BORDER_WIDTH: f64 = 0.8;
/// The inset's frame and leader line.
pub const FRAME: &str = "#8a93a6";

/// The fill of region `code` on the map state (grey when it has no value).
pub fn fill_of(st: &MapState, code: &str) -> &'static str {
    st.rows
        .iter()
        .find(|r| r.code == code)
        .map_or(MISSING, |r| r.fill)
}

/// The inset's title: "Île-de-France ×2,5" (the region's name from the state, never typed).
pub fn inset_title(st: &MapState, inset: &InsetShape, lang: Lang) -> String {
    let name = st
        .rows
        .iter()
        .find(|r| r.code == inset.code)
        .map_or(inset.code.as_str(), |r| r.name.as_str());
    format!("{name} ×{}", format::number(inset.scale, 1, lang))
}

/// Text colour on a tile of this fill: dark on light classes, white on dark ones.
pub fn tile_ink(fill: &str) -> &'static str {
    if COLORS
        .iter()
        .position(|c| *c == fill)
        .is_none_or(needs_dark_text)
    {
        "#1d2433"
    } else {
        "#ffffff"
    }
}

/// One tile's index text ("112", "n.d.").
pub fn tile_value(st: &MapState, code: &str) -> String {
    st.rows
        .iter()
        .find(|r| r.code == code)
        .and_then(|r| r.figures.index)
        .map_or("n.d.".to_string(), |i| format!("{i:.0}"))
}

/// The map's marks (regions or tiles, keyed by region code, and the inset), without legend.
pub fn shapes(geo: &MapGeometry, st: &MapState, layout: Layout, lang: Lang) -> Scene {
    let mut s = Scene::default();
    match layout {
        Layout::Geo => {
            (s.width, s.height) = (geo.width, geo.height);
            for r in &geo.regions {
                s.marks.push(Mark::Path {
                    d: r.path.clone(),
                    fill: fill_of(st, &r.code).into(),
                    stroke: BORDER.into(),
                    width: BORDER_WIDTH,
                    key: Some(r.code.clone()),
                    title: Some(r.name.clone()),
                });
            }
            if let Some(i) = &geo.inset {
                let [x, y, w, h] = i.frame;
                s.marks.push(Mark::Rect {
                    x,
                    y,
                    w,
                    h,
                    fill: "#fbfbfb".into(),
                    stroke: Some(FRAME.into()),
                    rx: 4.0,
                    key: None,
                    title: None,
                });
                let [x1, y1, x2, y2] = i.leader;
                s.marks.push(Mark::Line {
                    x1,
                    y1,
                    x2,
                    y2,
                    stroke: FRAME.into(),
                    width: 1.0,
                    dash: true,
                });
                s.text(
                    x + 6.0,
                    y + h - 8.0,
                    inset_title(st, i, lang),
                    13.0,
                    Anchor::Start,
                )
                .fill = MUTED.into();
                s.marks.push(Mark::Path {
                    d: i.path.clone(),
                    fill: fill_of(st, &i.code).into(),
                    stroke: BORDER.into(),
                    width: BORDER_WIDTH,
                    key: Some(format!("{}/inset", i.code)),
                    title: None,
                });
            }
        }
        Layout::Grid => {
            (s.width, s.height) = (geo.grid[0] as f64 * TILE, geo.grid[1] as f64 * TILE);
            for t in &geo.tiles {
                let (x, y) = (t.col as f64 * TILE, t.row as f64 * TILE);
                let fill = fill_of(st, &t.code);
                let mut tile = Scene::default();
                tile.marks.push(Mark::Rect {
                    x: x + 3.0,
                    y: y + 3.0,
                    w: TILE - 6.0,
                    h: TILE - 6.0,
                    fill: fill.into(),
                    stroke: None,
                    rx: 6.0,
                    key: Some(t.code.clone()),
                    title: None,
                });
                let ink = tile_ink(fill);
                let code = tile.text(
                    x + TILE / 2.0,
                    y + 42.0,
                    t.short.clone(),
                    22.0,
                    Anchor::Middle,
                );
                code.bold = true;
                code.fill = ink.into();
                tile.text(
                    x + TILE / 2.0,
                    y + 70.0,
                    tile_value(st, &t.code),
                    18.0,
                    Anchor::Middle,
                )
                .fill = ink.into();
                s.marks.push(Mark::Group(tile.marks));
            }
        }
    }
    s
}

/// The map with its legend to the right, in type sized to the map's height, so that it reads as
/// well as the title once the whole graphic is fitted into an export's frame.
pub fn choropleth(geo: &MapGeometry, st: &MapState, layout: Layout, lang: Lang) -> Scene {
    let mut s = shapes(geo, st, layout, lang);
    let (w, h) = (s.width, s.height);
    let k = h / 500.0;
    let lx = w + 40.0 * k;
    s.text(
        lx,
        28.0 * k,
        lang.t("Indice, France = 100", "Index, France = 100"),
        20.0 * k,
        Anchor::Start,
    )
    .bold = true;
    s.text(
        lx,
        50.0 * k,
        lang.t("plus haut = plus fragile", "higher = more fragile"),
        15.0 * k,
        Anchor::Start,
    )
    .fill = "#444".into();
    let items = st
        .legend
        .iter()
        .map(|l| (l.color, l.label.clone(), l.is_france))
        .chain(std::iter::once((
            MISSING,
            lang.t("non disponible", "not available").to_string(),
            false,
        )));
    let step = 30.0 * k;
    let mut n = 0.0;
    for (j, (color, label, france)) in items.enumerate() {
        let y = 72.0 * k + j as f64 * step;
        n = j as f64 + 1.0;
        s.marks.push(Mark::Rect {
            x: lx,
            y,
            w: 26.0 * k,
            h: 21.0 * k,
            fill: color.into(),
            stroke: Some(BORDER.into()),
            rx: 0.0,
            key: None,
            title: None,
        });
        let text = if france {
            format!("{label} ← France = 100")
        } else {
            label
        };
        s.text(lx + 34.0 * k, y + 17.0 * k, text, 17.0 * k, Anchor::Start)
            .bold = france;
    }
    s.width = lx + 250.0 * k;
    s.height = h.max(72.0 * k + n * step);
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Measure;
    use crate::state::{fixture::dataset, map::map_state};

    fn geo() -> MapGeometry {
        serde_json::from_str(include_str!("../../../assets/data/regions.json")).unwrap()
    }

    /// Every region once, keyed by its code, filled from the state; the inset titled with the
    /// region's own name; tiles the screen's size.
    #[test]
    fn regions_keyed_and_filled_from_the_state() {
        let ds = dataset();
        let st = map_state(&ds, &Measure::Domain("emploi".into()), Lang::Fr).unwrap();
        let g = geo();
        let s = shapes(&g, &st, Layout::Geo, Lang::Fr);
        let fills = s.fills();
        assert_eq!(fills.len(), g.regions.len() + 1, "13 regions and the inset");
        for r in &st.rows {
            assert!(fills.contains(&(r.code.as_str(), r.fill)), "{}", r.code);
        }
        let grid = shapes(&g, &st, Layout::Grid, Lang::Fr);
        assert_eq!(grid.width, g.grid[0] as f64 * TILE);
        assert!(choropleth(&g, &st, Layout::Geo, Lang::Fr)
            .texts()
            .iter()
            .any(|t| t.ends_with("← France = 100")));
        if let Some(i) = &g.inset {
            let title = inset_title(&st, i, Lang::En);
            assert!(title.contains('×'), "{title}");
        }
    }
}
