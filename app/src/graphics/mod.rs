//! One drawing per graphic. Each function here turns a view's state into a [`Scene`]: plain
//! marks (rectangles, lines, texts, paths) in the graphic's own units, with no browser and no
//! renderer in sight. The screen draws the scene (on a canvas with plotters, or as SVG
//! elements), the export and the print write it as SVG text ([`svg::fragment`]); none of them
//! decides a colour, a width or a label, so they cannot drift.
//!
//! - [`scale`]: the linear scale and the ticks, as values with tests;
//! - [`bars`]: bars around France = 100 (region, comparison, ranking);
//! - [`dots`]: dots with margins of error (the acteurs' practices);
//! - [`map`]: the choropleth with its inset and legend, and the tile grid;
//! - [`lines`]: series over the years against France, and the table's sparklines;
//! - [`scatter`]: two measures at once, one dot per region;
//! - [`svg`]: a scene as SVG text.

pub mod bars;
pub mod depmap;
pub mod dots;
pub mod lines;
pub mod map;
pub mod scale;
pub mod scatter;
pub mod svg;

/// Horizontal anchor of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

/// A text whose baseline starts, centres or ends at (x, y).
#[derive(Debug, Clone, PartialEq)]
pub struct Text {
    pub x: f64,
    pub y: f64,
    pub text: String,
    pub size: f64,
    pub anchor: Anchor,
    pub bold: bool,
    pub fill: String,
    /// What the text is, for the screen's style (`label-name`, `label-value` on the map: a
    /// phone shows only the values); empty for most.
    pub role: &'static str,
}

/// One mark. `key` names what a mark stands for (a region code, a row), so that the screen can
/// attach its events and a test can match the screen's marks with the export's.
#[derive(Debug, Clone, PartialEq)]
pub enum Mark {
    Rect {
        x: f64,
        y: f64,
        w: f64,
        h: f64,
        fill: String,
        stroke: Option<String>,
        rx: f64,
        key: Option<String>,
        /// Tooltip (SVG `<title>`).
        title: Option<String>,
    },
    Line {
        x1: f64,
        y1: f64,
        x2: f64,
        y2: f64,
        stroke: String,
        width: f64,
        dash: bool,
    },
    Text(Text),
    Path {
        d: String,
        fill: String,
        stroke: String,
        width: f64,
        key: Option<String>,
        title: Option<String>,
    },
    /// A broken line through points (a series over years); `key` names the series.
    Polyline {
        points: Vec<(f64, f64)>,
        stroke: String,
        width: f64,
        dash: bool,
        key: Option<String>,
    },
    /// A dot (a point of a scatter plot, a year of a series).
    Circle {
        cx: f64,
        cy: f64,
        r: f64,
        fill: String,
        stroke: Option<String>,
        key: Option<String>,
        title: Option<String>,
    },
    /// Marks that stand together (a tile: its square and its two texts).
    Group(Vec<Mark>),
}

/// A drawing: its size in its own units and its marks, back to front.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Scene {
    pub width: f64,
    pub height: f64,
    pub marks: Vec<Mark>,
}

impl Scene {
    pub fn text(
        &mut self,
        x: f64,
        y: f64,
        text: impl Into<String>,
        size: f64,
        anchor: Anchor,
    ) -> &mut Text {
        self.marks.push(Mark::Text(Text {
            x,
            y,
            text: text.into(),
            size,
            anchor,
            bold: false,
            fill: INK.into(),
            role: "",
        }));
        match self.marks.last_mut() {
            Some(Mark::Text(t)) => t,
            _ => unreachable!("just pushed a text"),
        }
    }

    pub fn line(&mut self, (x1, y1): (f64, f64), (x2, y2): (f64, f64), stroke: &str, width: f64) {
        self.marks.push(Mark::Line {
            x1,
            y1,
            x2,
            y2,
            stroke: stroke.into(),
            width,
            dash: false,
        });
    }

    pub fn circle(&mut self, cx: f64, cy: f64, r: f64, fill: &str, key: Option<String>) {
        self.marks.push(Mark::Circle {
            cx,
            cy,
            r,
            fill: fill.into(),
            stroke: None,
            key,
            title: None,
        });
    }

    pub fn rect(&mut self, x: f64, y: f64, w: f64, h: f64, fill: &str, key: Option<String>) {
        self.marks.push(Mark::Rect {
            x,
            y,
            w,
            h,
            fill: fill.into(),
            stroke: None,
            rx: 0.0,
            key,
            title: None,
        });
    }

    /// Every mark, groups opened, in drawing order.
    pub fn flat(&self) -> Vec<&Mark> {
        fn walk<'a>(marks: &'a [Mark], out: &mut Vec<&'a Mark>) {
            for m in marks {
                match m {
                    Mark::Group(g) => walk(g, out),
                    m => out.push(m),
                }
            }
        }
        let mut out = Vec::new();
        walk(&self.marks, &mut out);
        out
    }

    /// The texts, in order (what a reader sees; tests compare them).
    pub fn texts(&self) -> Vec<&str> {
        self.flat()
            .into_iter()
            .filter_map(|m| match m {
                Mark::Text(t) => Some(t.text.as_str()),
                _ => None,
            })
            .collect()
    }

    /// The keyed marks' (key, fill), in order.
    pub fn fills(&self) -> Vec<(&str, &str)> {
        self.flat()
            .into_iter()
            .filter_map(|m| match m {
                Mark::Rect {
                    key: Some(k), fill, ..
                }
                | Mark::Path {
                    key: Some(k), fill, ..
                }
                | Mark::Circle {
                    key: Some(k), fill, ..
                } => Some((k.as_str(), fill.as_str())),
                _ => None,
            })
            .collect()
    }

    /// The mark at `i`, or at `j` inside the group at `i`.
    pub fn at(&self, i: usize, j: Option<usize>) -> Option<&Mark> {
        match (self.marks.get(i)?, j) {
            (Mark::Group(g), Some(j)) => g.get(j),
            (m, None) => Some(m),
            _ => None,
        }
    }
}

/// Text colour.
pub const INK: &str = "#1a1a1a";
/// Secondary text (ticks, notes).
pub const MUTED: &str = "#555555";
/// Grid lines.
pub const GRID: &str = "#e2e2e2";
/// Borders between regions (white ones vanished between near-white regions and the page).
pub const BORDER: &str = "#6b7280";

/// Splits `text` into lines of at most `width` characters at spaces.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut cur = String::new();
    for w in text.split(' ') {
        if !cur.is_empty() && cur.chars().count() + 1 + w.chars().count() > width {
            lines.push(std::mem::take(&mut cur));
        }
        if !cur.is_empty() {
            cur.push(' ');
        }
        cur.push_str(w);
    }
    if !cur.is_empty() {
        lines.push(cur);
    }
    lines
}
