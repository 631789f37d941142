//! Bounding boxes and fitting projected coordinates into a viewport (d3-geo's `fitExtent`).

use crate::Point;

/// An axis-aligned box `[min_x, min_y, max_x, max_y]`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bbox {
    pub min: Point,
    pub max: Point,
}

impl Bbox {
    /// The empty box: extending it with any point gives that point.
    pub const EMPTY: Bbox = Bbox {
        min: [f64::INFINITY, f64::INFINITY],
        max: [f64::NEG_INFINITY, f64::NEG_INFINITY],
    };

    /// Grows the box to include `p`.
    pub fn extend(&mut self, p: Point) {
        self.min = [self.min[0].min(p[0]), self.min[1].min(p[1])];
        self.max = [self.max[0].max(p[0]), self.max[1].max(p[1])];
    }

    /// The box of a set of points (`EMPTY` for none).
    pub fn of<'a>(points: impl IntoIterator<Item = &'a Point>) -> Bbox {
        let mut b = Bbox::EMPTY;
        points.into_iter().for_each(|p| b.extend(*p));
        b
    }

    pub fn width(&self) -> f64 {
        self.max[0] - self.min[0]
    }

    pub fn height(&self) -> f64 {
        self.max[1] - self.min[1]
    }

    pub fn is_empty(&self) -> bool {
        !(self.width() >= 0.0 && self.height() >= 0.0)
    }
}

/// A uniform scale and translation from projected metres (y up) to screen units (y down).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Fit {
    pub scale: f64,
    pub translate: Point,
    /// The viewport's size in screen units.
    pub size: Point,
}

impl Fit {
    /// Fits `extent` (projected, y up) into a viewport `width` wide with `padding` on every side,
    /// keeping the aspect ratio; the viewport's height follows from the extent.
    ///
    /// ```
    /// use geofrag::{Bbox, Fit};
    /// let f = Fit::to_width(Bbox { min: [0.0, 0.0], max: [200.0, 100.0] }, 220.0, 10.0);
    /// assert_eq!(f.apply([0.0, 100.0]), [10.0, 10.0]);
    /// assert_eq!(f.size, [220.0, 120.0]);
    /// ```
    pub fn to_width(extent: Bbox, width: f64, padding: f64) -> Fit {
        let inner = width - 2.0 * padding;
        let scale = if extent.width() > 0.0 {
            inner / extent.width()
        } else {
            1.0
        };
        let height = extent.height().max(0.0) * scale + 2.0 * padding;
        Fit {
            scale,
            translate: [
                padding - extent.min[0] * scale,
                padding + extent.max[1] * scale,
            ],
            size: [width, height],
        }
    }

    /// Projected point → screen point (y flipped).
    pub fn apply(&self, [x, y]: Point) -> Point {
        [
            x * self.scale + self.translate[0],
            self.translate[1] - y * self.scale,
        ]
    }

    /// Screen point → projected point.
    pub fn invert(&self, [sx, sy]: Point) -> Point {
        [
            (sx - self.translate[0]) / self.scale,
            (self.translate[1] - sy) / self.scale,
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_round_trips() {
        let f = Fit::to_width(
            Bbox {
                min: [100_000.0, 6_000_000.0],
                max: [1_200_000.0, 7_100_000.0],
            },
            1000.0,
            8.0,
        );
        for p in [
            [100_000.0, 6_000_000.0],
            [650_000.0, 6_862_000.0],
            [1_200_000.0, 7_100_000.0],
        ] {
            let back = f.invert(f.apply(p));
            assert!((back[0] - p[0]).abs() < 1e-6 && (back[1] - p[1]).abs() < 1e-6);
        }
        // The extent's corners land on the padding.
        assert_eq!(f.apply([100_000.0, 7_100_000.0]), [8.0, 8.0]);
        let br = f.apply([1_200_000.0, 6_000_000.0]);
        assert!((br[0] - 992.0).abs() < 1e-9 && (br[1] - (f.size[1] - 8.0)).abs() < 1e-9);
    }

    /// Edge case: a zero-width extent must not divide by zero.
    #[test]
    fn degenerate_extent() {
        let f = Fit::to_width(
            Bbox {
                min: [5.0, 5.0],
                max: [5.0, 5.0],
            },
            100.0,
            0.0,
        );
        assert!(f.scale.is_finite());
        assert!(Bbox::EMPTY.is_empty());
        assert!(!Bbox::of(&[[1.0, 1.0]]).is_empty());
    }
}
