//! Insets: a small region (Île-de-France) enlarged into free space of the map, with a frame.

use crate::{Bbox, Point};

/// The similarity that maps `from` (a region's box) into `into`, centred, keeping proportions.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Inset {
    pub scale: f64,
    pub translate: Point,
}

impl Inset {
    /// The largest enlargement of `from` that fits in `into` with `padding` on each side.
    ///
    /// ```
    /// use geofrag::{Bbox, inset::Inset};
    /// let i = Inset::fit(Bbox { min: [10.0, 10.0], max: [20.0, 20.0] }, Bbox { min: [0.0, 0.0], max: [100.0, 50.0] }, 5.0);
    /// assert_eq!(i.scale, 4.0);
    /// assert_eq!(i.apply([10.0, 10.0]), [30.0, 5.0]);
    /// ```
    pub fn fit(from: Bbox, into: Bbox, padding: f64) -> Inset {
        let (w, h) = (into.width() - 2.0 * padding, into.height() - 2.0 * padding);
        let scale = if from.width() > 0.0 && from.height() > 0.0 {
            (w / from.width()).min(h / from.height())
        } else {
            1.0
        };
        let offset = [
            (w - from.width() * scale) / 2.0,
            (h - from.height() * scale) / 2.0,
        ];
        Inset {
            scale,
            translate: [
                into.min[0] + padding + offset[0] - from.min[0] * scale,
                into.min[1] + padding + offset[1] - from.min[1] * scale,
            ],
        }
    }

    pub fn apply(&self, [x, y]: Point) -> Point {
        [
            x * self.scale + self.translate[0],
            y * self.scale + self.translate[1],
        ]
    }
}
