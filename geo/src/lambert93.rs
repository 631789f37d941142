//! Lambert-93 (EPSG:2154): Lambert conformal conic, two standard parallels, on GRS80.
//!
//! Formulas of IGN's note NTG_71 (algorithms ALG0001, ALG0003, ALG0004, ALG0054), the same as
//! PROJ's `lcc`. Constants derived once in [`Lambert93::new`] and checked in the tests against
//! the values IGN publishes (n, C, Ys).

use crate::Point;
use std::f64::consts::FRAC_PI_4;

/// GRS80 semi-major axis (m).
pub const GRS80_A: f64 = 6_378_137.0;
/// GRS80 flattening.
pub const GRS80_F: f64 = 1.0 / 298.257_222_101;

/// The projection's derived constants.
#[derive(Debug, Clone, Copy)]
pub struct Lambert93 {
    /// First eccentricity of the ellipsoid.
    pub e: f64,
    /// Cone constant n.
    pub n: f64,
    /// a·F, the projection constant C (m).
    pub c: f64,
    /// ρ at the latitude of origin (m).
    pub rho0: f64,
    lon0: f64,
    x0: f64,
    y0: f64,
}

impl Default for Lambert93 {
    fn default() -> Self {
        Self::new()
    }
}

fn iso_t(phi: f64, e: f64) -> f64 {
    let es = e * phi.sin();
    (FRAC_PI_4 - phi / 2.0).tan() / ((1.0 - es) / (1.0 + es)).powf(e / 2.0)
}

fn m(phi: f64, e: f64) -> f64 {
    phi.cos() / (1.0 - (e * phi.sin()).powi(2)).sqrt()
}

impl Lambert93 {
    /// Lambert-93: standard parallels 44°N and 49°N, origin 46.5°N 3°E,
    /// false easting 700 000 m, false northing 6 600 000 m.
    pub fn new() -> Self {
        let e2 = 2.0 * GRS80_F - GRS80_F * GRS80_F;
        let e = e2.sqrt();
        let (p1, p2, p0) = (44f64.to_radians(), 49f64.to_radians(), 46.5f64.to_radians());
        let (m1, m2) = (m(p1, e), m(p2, e));
        let (t1, t2, t0) = (iso_t(p1, e), iso_t(p2, e), iso_t(p0, e));
        let n = (m1.ln() - m2.ln()) / (t1.ln() - t2.ln());
        let c = GRS80_A * m1 / (n * t1.powf(n));
        let rho0 = c * t0.powf(n);
        Lambert93 {
            e,
            n,
            c,
            rho0,
            lon0: 3f64.to_radians(),
            x0: 700_000.0,
            y0: 6_600_000.0,
        }
    }

    /// `[lon, lat]` in degrees → `[x, y]` in metres.
    ///
    /// ```
    /// let p = geofrag::Lambert93::new().forward([3.0, 46.5]);
    /// assert_eq!(p, [700_000.0, 6_600_000.0]);
    /// ```
    pub fn forward(&self, [lon, lat]: Point) -> Point {
        let rho = self.c * iso_t(lat.to_radians(), self.e).powf(self.n);
        let theta = self.n * (lon.to_radians() - self.lon0);
        [
            self.x0 + rho * theta.sin(),
            self.y0 + self.rho0 - rho * theta.cos(),
        ]
    }

    /// `[x, y]` in metres → `[lon, lat]` in degrees (iterates the latitude to 1e-15 rad).
    pub fn inverse(&self, [x, y]: Point) -> Point {
        let dx = x - self.x0;
        let dy = self.rho0 - (y - self.y0);
        let rho = (dx * dx + dy * dy).sqrt();
        let theta = dx.atan2(dy);
        let t = (rho / self.c).powf(1.0 / self.n);
        let lon = theta / self.n + self.lon0;
        let mut phi = std::f64::consts::FRAC_PI_2 - 2.0 * t.atan();
        for _ in 0..50 {
            let es = self.e * phi.sin();
            let next = std::f64::consts::FRAC_PI_2
                - 2.0 * (t * ((1.0 - es) / (1.0 + es)).powf(self.e / 2.0)).atan();
            let done = (next - phi).abs() < 1e-15;
            phi = next;
            if done {
                break;
            }
        }
        [lon.to_degrees(), phi.to_degrees()]
    }

    /// Point scale factor k at a latitude: lengths on the map are k × lengths on the ellipsoid,
    /// so areas are k². Lambert-93 is conformal, not equal-area: k ranges about 0.999–1.003 in
    /// metropolitan France.
    pub fn scale_factor(&self, lat: f64) -> f64 {
        let phi = lat.to_radians();
        let rho = self.c * iso_t(phi, self.e).powf(self.n);
        self.n * rho / (GRS80_A * m(phi, self.e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Guards the projection constants against IGN's published Lambert-93 parameters.
    #[test]
    fn constants_match_ign() {
        let p = Lambert93::new();
        assert!((p.n - 0.725_607_765_053_267).abs() < 1e-12, "n = {}", p.n);
        assert!((p.c - 11_754_255.426_096).abs() < 1e-3, "C = {}", p.c);
        assert!(
            (p.y0 + p.rho0 - 12_655_612.049_876).abs() < 1e-3,
            "Ys = {}",
            p.y0 + p.rho0
        );
    }

    #[test]
    fn origin_maps_exactly() {
        assert_eq!(
            Lambert93::new().forward([3.0, 46.5]),
            [700_000.0, 6_600_000.0]
        );
    }

    /// The promise of an invertible projection: round trip below 1e-9° over metropolitan France.
    #[test]
    fn inverse_round_trip_over_france() {
        let p = Lambert93::new();
        let mut worst: f64 = 0.0;
        for i in 0..=60 {
            for j in 0..=60 {
                let lon = -5.5 + 15.0 * i as f64 / 60.0;
                let lat = 41.0 + 10.5 * j as f64 / 60.0;
                let back = p.inverse(p.forward([lon, lat]));
                worst = worst.max((back[0] - lon).abs()).max((back[1] - lat).abs());
            }
        }
        assert!(worst < 1e-9, "worst round-trip error {worst}°");
    }

    /// The reference is PROJ: values computed with pyproj 3.7.2 / PROJ 9.5.1,
    /// `Transformer.from_crs(4326, 2154, always_xy=True)`, for four points at the corners
    /// of France (Paris, Brest, Corse, Strasbourg). Agreement within a millimetre.
    #[test]
    fn matches_proj_at_reference_points() {
        let cases = [
            ([2.352_221_9, 48.856_614], [652_470.642_3, 6_862_036.802_9]),
            ([-4.486, 48.39], [146_636.139_5, 6_836_217.364_7]),
            ([9.45, 42.7], [1_228_546.045_3, 6_199_420.644_0]),
            ([7.75, 48.58], [1_050_163.943_6, 6_841_622.715_5]),
        ];
        let p = Lambert93::new();
        for (lonlat, expected) in cases {
            let got = p.forward(lonlat);
            assert!(
                (got[0] - expected[0]).abs() < 1e-3 && (got[1] - expected[1]).abs() < 1e-3,
                "{lonlat:?}: got {got:?}, PROJ gives {expected:?}"
            );
        }
    }

    #[test]
    fn scale_factor_is_one_on_standard_parallels() {
        let p = Lambert93::new();
        assert!((p.scale_factor(44.0) - 1.0).abs() < 1e-12);
        assert!((p.scale_factor(49.0) - 1.0).abs() < 1e-12);
        assert!(p.scale_factor(46.5) < 1.0);
    }
}
