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

/// The inset's frame, its leader line to the region and its title, under what it enlarges.
pub fn inset_frame(s: &mut Scene, i: &InsetShape, title: String) {
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
    s.text(x + 6.0, y + h - 8.0, title, 13.0, Anchor::Start)
        .fill = MUTED.into();
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

/// What a region's label says under its name: the index on a domain, the value on an
/// indicator (with its unit when it is short: "8,7 %"), "n.d." without one.
pub fn label_value(st: &MapState, code: &str, lang: Lang) -> String {
    let Some(r) = st.rows.iter().find(|r| r.code == code) else {
        return "n.d.".into();
    };
    match (r.figures.value, r.figures.index) {
        (Some(v), _) if !st.info.is_domain => {
            let unit = &st.info.unit;
            if unit.chars().count() <= 3 {
                format::value(v, unit, lang)
            } else {
                format::number(v, format::decimals(v, unit), lang)
            }
        }
        (_, Some(i)) => format::index(i, lang),
        _ => "n.d.".into(),
    }
}

/// A region's name on one or two lines: a long name breaks after its first hyphen or space
/// past the sixth letter ("Bourgogne-" / "Franche-Comté").
pub fn label_lines(name: &str) -> Vec<String> {
    if name.chars().count() <= 16 {
        return vec![name.to_string()];
    }
    let cut = name
        .char_indices()
        .skip(6)
        .find(|(_, c)| *c == '-' || *c == ' ')
        .map(|(i, c)| if c == '-' { i + 1 } else { i });
    match cut {
        Some(i) => vec![name[..i].trim().to_string(), name[i..].trim().to_string()],
        None => vec![name.to_string()],
    }
}

/// Label type size, in the map's units (1 000 wide).
pub const LABEL_SIZE: f64 = 17.0;

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
                inset_frame(&mut s, i, inset_title(st, i, lang));
                s.marks.push(Mark::Path {
                    d: i.path.clone(),
                    fill: fill_of(st, &i.code).into(),
                    stroke: BORDER.into(),
                    width: BORDER_WIDTH,
                    key: Some(format!("{}/inset", i.code)),
                    title: None,
                });
            }
            // Names and values on the map, at each region's pole of inaccessibility, in the
            // ink its fill needs (dark on light classes, white on dark ones).
            for r in &geo.regions {
                let ink = tile_ink(fill_of(st, &r.code));
                let lines = label_lines(&r.name);
                let n = lines.len() as f64;
                let [x, y] = r.label;
                let top = y - n * LABEL_SIZE * 0.55;
                for (k, l) in lines.into_iter().enumerate() {
                    let y = top + k as f64 * LABEL_SIZE * 1.1;
                    let t = s.text(x, y, l, LABEL_SIZE, Anchor::Middle);
                    t.fill = ink.into();
                    t.role = "label-name";
                }
                let v = s.text(
                    x,
                    top + LABEL_SIZE * 1.1 * n + 2.0,
                    label_value(st, &r.code, lang),
                    LABEL_SIZE + 2.0,
                    Anchor::Middle,
                );
                v.bold = true;
                v.fill = ink.into();
                v.role = "label-value";
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
pub fn choropleth(
    geo: &MapGeometry,
    st: &MapState,
    layout: Layout,
    selected: Option<&str>,
    lang: Lang,
) -> Scene {
    let mut s = shapes(geo, st, layout, lang);
    // The chosen region outlined, as on the screen.
    if let Some(code) = selected {
        match layout {
            Layout::Geo => {
                if let Some(r) = geo.regions.iter().find(|r| r.code == code) {
                    s.marks.push(Mark::Path {
                        d: r.path.clone(),
                        fill: "none".into(),
                        stroke: super::INK.into(),
                        width: 3.0,
                        key: Some(format!("{code}/selected")),
                        title: None,
                    });
                }
            }
            Layout::Grid => {
                if let Some(t) = geo.tiles.iter().find(|t| t.code == code) {
                    s.marks.push(Mark::Rect {
                        x: t.col as f64 * TILE + 1.5,
                        y: t.row as f64 * TILE + 1.5,
                        w: TILE - 3.0,
                        h: TILE - 3.0,
                        fill: "none".into(),
                        stroke: Some(super::INK.into()),
                        rx: 7.0,
                        key: Some(format!("{code}/selected")),
                        title: None,
                    });
                }
            }
        }
    }
    with_legend(&mut s, st, lang);
    s
}

/// The legend to the right of a map's drawing, in type sized to its height (regions' and
/// départements' maps alike).
pub fn with_legend(s: &mut Scene, st: &MapState, lang: Lang) {
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
        assert!(choropleth(&g, &st, Layout::Geo, None, Lang::Fr)
            .texts()
            .iter()
            .any(|t| t.ends_with("← France = 100")));
        if let Some(i) = &g.inset {
            let title = inset_title(&st, i, Lang::En);
            assert!(title.contains('×'), "{title}");
        }
    }
}
