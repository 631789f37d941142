//! Languages: French by default, English by a toggle kept in the URL.

/// The interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Fr,
    En,
}

impl Lang {
    /// Picks the French or the English text.
    pub fn t(self, fr: &'static str, en: &'static str) -> &'static str {
        match self {
            Lang::Fr => fr,
            Lang::En => en,
        }
    }

    /// Picks between two owned texts (labels from the dataset).
    pub fn pick<'a>(self, fr: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Fr => fr,
            Lang::En => en,
        }
    }

    /// BCP 47 code for `<html lang>`.
    pub fn code(self) -> &'static str {
        self.t("fr", "en")
    }

    /// "de Bretagne", "d'Occitanie", "des Hauts-de-France", "du Grand Est" (French only).
    ///
    /// ```
    /// use app::i18n::Lang;
    /// assert_eq!(Lang::Fr.of_region("Occitanie"), "d'Occitanie");
    /// assert_eq!(Lang::Fr.of_region("Hauts-de-France"), "des Hauts-de-France");
    /// assert_eq!(Lang::Fr.of_region("Centre-Val de Loire"), "du Centre-Val de Loire");
    /// assert_eq!(Lang::Fr.of_region("Corse"), "de Corse");
    /// assert_eq!(Lang::En.of_region("Corse"), "of Corse");
    /// ```
    pub fn of_region(self, name: &str) -> String {
        if self == Lang::En {
            return format!("of {name}");
        }
        elide(name, "de ", "d'", "des ", "du ")
    }

    /// "que Bretagne" → "que la…" is not attempted; only "qu'Occitanie", "que les Hauts-de-France",
    /// "que le Grand Est" (French only; English "than").
    pub fn than_region(self, name: &str) -> String {
        if self == Lang::En {
            return format!("than {name}");
        }
        elide(name, "que ", "qu'", "que les ", "que le ")
    }

    /// Joins items as a sentence list: "a, b et c" / "a, b and c".
    ///
    /// ```
    /// use app::i18n::Lang;
    /// assert_eq!(Lang::Fr.join(&["a", "b", "c"]), "a, b et c");
    /// assert_eq!(Lang::En.join(&["a", "b"]), "a and b");
    /// assert_eq!(Lang::Fr.join(&["a"]), "a");
    /// ```
    pub fn join<S: AsRef<str>>(self, items: &[S]) -> String {
        let and = self.t(" et ", " and ");
        match items {
            [] => String::new(),
            [one] => one.as_ref().to_string(),
            [init @ .., last] => {
                let head: Vec<&str> = init.iter().map(|s| s.as_ref()).collect();
                format!("{}{and}{}", head.join(", "), last.as_ref())
            }
        }
    }
}

/// French elision and contraction before a region name.
fn elide(name: &str, plain: &str, vowel: &str, plural: &str, masculine: &str) -> String {
    if name.starts_with("Hauts-") || name.starts_with("Pays ") {
        format!("{plural}{name}")
    } else if name.starts_with("Grand ") || name.starts_with("Centre") {
        format!("{masculine}{name}")
    } else if name.starts_with(['A', 'E', 'I', 'O', 'U', 'Î', 'É', 'Ô']) {
        format!("{vowel}{name}")
    } else {
        format!("{plain}{name}")
    }
}
