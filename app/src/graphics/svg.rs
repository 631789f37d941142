//! A scene as SVG text: what the exports embed, the print shows and the static first view will
//! carry. Numbers are written to 0.1 unit.

use super::{Anchor, Mark, Scene};
use std::fmt::Write;

/// Escapes text for XML content and attributes.
pub fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A number to 0.1, without a trailing ".0".
pub fn num(v: f64) -> String {
    let r = (v * 10.0).round() / 10.0;
    if r.fract() == 0.0 {
        format!("{}", r as i64)
    } else {
        format!("{r:.1}")
    }
}

pub fn anchor(a: Anchor) -> &'static str {
    match a {
        Anchor::Start => "start",
        Anchor::Middle => "middle",
        Anchor::End => "end",
    }
}

/// The marks of `scene` as SVG elements (no `<svg>` around them). Keyed marks carry
/// `data-key`, so that a test can match them with the screen's.
pub fn fragment(scene: &Scene) -> String {
    let mut s = String::new();
    marks(&scene.marks, &mut s);
    s
}

fn marks(list: &[Mark], s: &mut String) {
    for m in list {
        let _ = match m {
            Mark::Rect {
                x,
                y,
                w,
                h,
                fill,
                stroke,
                rx,
                key,
                title,
            } => write!(
                s,
                r#"<rect x="{}" y="{}" width="{}" height="{}"{} fill="{fill}"{}{}{}"#,
                num(*x),
                num(*y),
                num(*w),
                num(*h),
                if *rx > 0.0 {
                    format!(r#" rx="{}""#, num(*rx))
                } else {
                    String::new()
                },
                stroke
                    .as_ref()
                    .map_or(String::new(), |c| format!(r#" stroke="{c}""#)),
                key.as_ref()
                    .map_or(String::new(), |k| format!(r#" data-key="{}""#, esc(k))),
                title.as_ref().map_or("/>".to_string(), |t| format!(
                    "><title>{}</title></rect>",
                    esc(t)
                ))
            ),
            Mark::Line {
                x1,
                y1,
                x2,
                y2,
                stroke,
                width,
                dash,
            } => write!(
                s,
                r#"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{stroke}" stroke-width="{}"{}/>"#,
                num(*x1),
                num(*y1),
                num(*x2),
                num(*y2),
                num(*width),
                if *dash {
                    r#" stroke-dasharray="4 3""#
                } else {
                    ""
                }
            ),
            Mark::Text(t) => write!(
                s,
                r#"<text{} x="{}" y="{}" font-size="{}"{}{} fill="{}">{}</text>"#,
                // The screen's class (`label-name`, `label-value`): a phone hides the names.
                if t.role.is_empty() {
                    String::new()
                } else {
                    format!(r#" class="{}""#, t.role)
                },
                num(t.x),
                num(t.y),
                num(t.size),
                match t.anchor {
                    Anchor::Start => String::new(),
                    a => format!(r#" text-anchor="{}""#, anchor(a)),
                },
                if t.bold { r#" font-weight="bold""# } else { "" },
                t.fill,
                esc(&t.text)
            ),
            Mark::Path {
                d,
                fill,
                stroke,
                width,
                key,
                title,
            } => write!(
                s,
                r#"<path d="{d}" fill="{fill}" stroke="{stroke}" stroke-width="{}" stroke-linejoin="round"{}>{}</path>"#,
                num(*width),
                key.as_ref()
                    .map_or(String::new(), |k| format!(r#" data-key="{}""#, esc(k))),
                title
                    .as_ref()
                    .map_or(String::new(), |t| format!("<title>{}</title>", esc(t)))
            ),
            Mark::Polyline {
                points,
                stroke,
                width,
                dash,
                key,
            } => write!(
                s,
                r#"<polyline points="{}" fill="none" stroke="{stroke}" stroke-width="{}" stroke-linejoin="round"{}{}/>"#,
                points
                    .iter()
                    .map(|(x, y)| format!("{},{}", num(*x), num(*y)))
                    .collect::<Vec<_>>()
                    .join(" "),
                num(*width),
                if *dash {
                    r#" stroke-dasharray="4 3""#
                } else {
                    ""
                },
                key.as_ref()
                    .map_or(String::new(), |k| format!(r#" data-key="{}""#, esc(k))),
            ),
            Mark::Circle {
                cx,
                cy,
                r,
                fill,
                stroke,
                key,
                title,
            } => write!(
                s,
                r#"<circle cx="{}" cy="{}" r="{}" fill="{fill}"{}{}{}"#,
                num(*cx),
                num(*cy),
                num(*r),
                stroke
                    .as_ref()
                    .map_or(String::new(), |c| format!(r#" stroke="{c}""#)),
                key.as_ref()
                    .map_or(String::new(), |k| format!(r#" data-key="{}""#, esc(k))),
                title.as_ref().map_or("/>".to_string(), |t| format!(
                    "><title>{}</title></circle>",
                    esc(t)
                ))
            ),
            Mark::Group(g) => {
                s.push_str("<g>");
                marks(g, s);
                s.push_str("</g>");
                Ok(())
            }
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graphics::Text;

    /// Snapshot: each kind of mark, numbers to 0.1, text escaped.
    #[test]
    fn marks_as_svg() {
        let mut sc = Scene::default();
        sc.rect(1.04, 2.0, 3.25, 4.0, "#b35806", Some("75".into()));
        sc.line((0.0, 0.0), (10.0, 0.0), "#e2e2e2", 1.0);
        sc.marks.push(Mark::Text(Text {
            x: 5.0,
            y: 6.0,
            text: "A & <B>".into(),
            size: 13.0,
            anchor: Anchor::End,
            bold: true,
            fill: "#111".into(),
            role: "",
        }));
        assert_eq!(
            fragment(&sc),
            concat!(
                r##"<rect x="1" y="2" width="3.3" height="4" fill="#b35806" data-key="75"/>"##,
                r##"<line x1="0" y1="0" x2="10" y2="0" stroke="#e2e2e2" stroke-width="1"/>"##,
                r##"<text x="5" y="6" font-size="13" text-anchor="end" font-weight="bold" fill="#111">A &amp; &lt;B&gt;</text>"##
            )
        );
        assert_eq!(num(-0.04), "0");
        let mut sc = Scene::default();
        sc.marks.push(Mark::Polyline {
            points: vec![(0.0, 1.04), (2.0, 3.0)],
            stroke: "#1b6ca8".into(),
            width: 2.0,
            dash: true,
            key: Some("75".into()),
        });
        sc.circle(4.0, 5.0, 3.0, "#fff", Some("a\"b".into()));
        assert_eq!(
            fragment(&sc),
            concat!(
                r##"<polyline points="0,1 2,3" fill="none" stroke="#1b6ca8" stroke-width="2" stroke-linejoin="round" stroke-dasharray="4 3" data-key="75"/>"##,
                r##"<circle cx="4" cy="5" r="3" fill="#fff" data-key="a&quot;b"/>"##
            )
        );
    }
}
