//! A tile-grid layout of the 13 regions: one equal square each, so Île-de-France and Corse are
//! as visible as Nouvelle-Aquitaine. Positions keep rough adjacency (tested below).

/// (INSEE region code, ISO 3166-2 short code, column, row).
pub const TILES: [(&str, &str, u8, u8); 13] = [
    ("32", "HDF", 2, 0),
    ("28", "NOR", 1, 1),
    ("11", "IDF", 2, 1),
    ("44", "GES", 3, 1),
    ("53", "BRE", 0, 2),
    ("52", "PDL", 1, 2),
    ("24", "CVL", 2, 2),
    ("27", "BFC", 3, 2),
    ("75", "NAQ", 1, 3),
    ("84", "ARA", 2, 3),
    ("76", "OCC", 1, 4),
    ("93", "PAC", 2, 4),
    ("94", "COR", 4, 4),
];

/// Grid size in tiles (columns, rows).
pub const fn size() -> (u8, u8) {
    (5, 5)
}

/// Whether two tiles touch (share a side or a corner).
pub fn touching(a: (u8, u8), b: (u8, u8)) -> bool {
    a != b && a.0.abs_diff(b.0) <= 1 && a.1.abs_diff(b.1) <= 1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pos(code: &str) -> (u8, u8) {
        TILES
            .iter()
            .find(|t| t.0 == code)
            .map(|t| (t.2, t.3))
            .unwrap()
    }

    /// Rough adjacency: pairs of regions that share a border touch on the grid.
    #[test]
    fn neighbours_stay_neighbours() {
        let borders = [
            ("32", "11"),
            ("32", "28"),
            ("32", "44"),
            ("28", "11"),
            ("28", "52"),
            ("28", "53"),
            ("11", "24"),
            ("11", "44"),
            ("53", "52"),
            ("52", "24"),
            ("52", "75"),
            ("24", "27"),
            ("24", "75"),
            ("24", "84"),
            ("27", "44"),
            ("27", "84"),
            ("75", "84"),
            ("75", "76"),
            ("84", "76"),
            ("84", "93"),
            ("76", "93"),
        ];
        for (a, b) in borders {
            assert!(
                touching(pos(a), pos(b)),
                "{a} and {b} share a border but not a tile corner"
            );
        }
        // Unique cells inside the grid.
        for (i, t) in TILES.iter().enumerate() {
            assert!(t.2 < size().0 && t.3 < size().1);
            assert!(TILES[..i].iter().all(|u| (u.2, u.3) != (t.2, t.3)));
        }
    }
}
