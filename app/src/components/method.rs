//! The methodology page: how the index works, and every indicator's card.

use super::app::Ctx;
use super::region::IndicatorCard;
use crate::i18n::Lang;
use leptos::prelude::*;

#[component]
pub fn MethodView() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let lang = ctx.lang();
    let ds = ctx.ds.clone();
    let domains = ds
        .domains
        .iter()
        .map(|d| {
            let inds = d
                .indicators
                .iter()
                .filter_map(|id| ds.indicators.iter().find(|i| &i.meta.id == id))
                .map(|i| {
                    view! {
                        <details class="method-ind">
                            <summary>{lang.pick(&i.meta.label_fr, &i.meta.label_en).to_string()}" "<span class="year">{format!("({})", i.meta.year)}</span></summary>
                            <IndicatorCard ds=ds.clone() id=i.meta.id.clone() lang=lang />
                        </details>
                    }
                })
                .collect::<Vec<_>>();
            let origin = match d.meta.origin.as_str() {
                "PHARE" => lang.t("nom PHARE", "PHARE name"),
                "decks" => lang.t("nommé dans les decks", "named in the decks"),
                _ => lang.t("choix du produit", "product's choice"),
            };
            view! {
                <li>
                    <h4>{lang.pick(&d.meta.label_fr, &d.meta.label_en).to_string()} <span class="origin-tag">{origin}</span></h4>
                    <p>{lang.pick(&d.meta.description_fr, &d.meta.description_en).to_string()}</p>
                    {inds}
                </li>
            }
        })
        .collect::<Vec<_>>();
    let text = match lang {
        Lang::Fr => [
            "Pour chaque indicateur, la France métropolitaine vaut 100. Une région à 120 est 20 % plus fragile que la France sur cet indicateur ; à 80, elle est 20 % moins fragile. Toujours dans ce sens : quand c'est une valeur basse qui pose problème (taux d'emploi, revenu, accès aux médecins), le rapport est inversé pour que « au-dessus de 100 » signifie toujours « plus fragile ».",
            "Pour un taux d'évolution, un rapport n'a pas de sens : l'indice vaut 100 + 10 × (écart à la France) / (écart-type des 13 régions).",
            "L'indice d'un domaine (emploi, santé…) est la moyenne simple des indices de ses indicateurs. Le rang 1 sur 13 désigne la région la plus fragile.",
            "La France métropolitaine est calculée à partir des effectifs (somme des numérateurs / somme des dénominateurs) quand les sources les donnent, sinon en moyenne pondérée par la population ; la méthode de chaque indicateur le précise. Les années diffèrent d'un indicateur à l'autre (2013 à 2024), jamais au sein d'un indicateur.",
            "Les phrases de synthèse sont produites par des règles, jamais écrites à la main : un domaine est « plus fragile » à partir de l'indice 103, « moins fragile » jusqu'à 97 ; on compare le nombre de domaines de chaque sorte et on cite les trois plus marqués.",
        ],
        Lang::En => [
            "For every indicator, metropolitan France is worth 100. A region at 120 is 20% more fragile than France on that indicator; at 80, 20% less fragile. Always in that direction: when a low value is the problem (employment rate, income, access to doctors), the ratio is turned round so that above 100 always means more fragile.",
            "For a rate of change a ratio means nothing: the index is 100 + 10 × (gap to France) / (standard deviation of the 13 regions).",
            "A domain's index (employment, health…) is the plain mean of its indicators' indices. Rank 1 of 13 is the most fragile region.",
            "Metropolitan France is computed from counts (sum of numerators / sum of denominators) where the sources give them, else as a population-weighted mean; each indicator's method says which. Years differ between indicators (2013 to 2024), never within one.",
            "The summary sentences come from rules, never written by hand: a domain is 'more fragile' from index 103, 'less fragile' up to 97; the counts of each are compared and the three most marked are named.",
        ],
    };
    view! {
        <section class="view method-view" aria-labelledby="view-title">
            <h2 id="view-title" class="view-title">{lang.t("Méthode : comment lire l'indice", "Method: how to read the index")}</h2>
            <div class="prose">{text.iter().map(|p| view! { <p>{*p}</p> }).collect::<Vec<_>>()}</div>
            <h3>{lang.t("Les 16 domaines et leurs sources", "The 16 domains and their sources")}</h3>
            <ul class="method-domains">{domains}</ul>
        </section>
    }
}
