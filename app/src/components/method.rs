//! The methodology page: how the index works, and every indicator's card.

use super::context::Ctx;
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
                            <IndicatorCard ds=ds.clone() id=i.meta.id.clone() lang=lang region=None />
                        </details>
                    }
                })
                .collect::<Vec<_>>();
            let origin = match d.meta.origin.as_str() {
                "PHARE" => lang.t("nom PHARE", "PHARE name"),
                "decks" => lang.t("nommé dans les decks", "named in the decks"),
                _ => lang.t("choix du produit", "product's choice"),
            };
            let note = crate::state::domain_note(&d.meta, lang);
            let explained = d
                .meta
                .explained
                .iter()
                .map(|e| {
                    let r = d.correlations.iter().find(|c| (c.a == e.a && c.b == e.b) || (c.a == e.b && c.b == e.a)).map(|c| crate::format::number(c.r, 2, lang)).unwrap_or_default();
                    view! { <p class="hint">{format!("r = {r} : ")}{lang.pick(&e.why_fr, &e.why_en).to_string()}</p> }
                })
                .collect::<Vec<_>>();
            view! {
                <li id=format!("domain-{}", d.meta.id)>
                    <h4>{lang.pick(&d.meta.label_fr, &d.meta.label_en).to_string()} <span class="origin-tag">{origin}</span></h4>
                    <p>{lang.pick(&d.meta.description_fr, &d.meta.description_en).to_string()}</p>
                    {note.map(|n| view! { <p class="dom-note">{n}</p> })}
                    {explained}
                    {inds}
                </li>
            }
        })
        .collect::<Vec<_>>();
    let (first, last) = crate::state::year_span(&ds).unwrap_or_default();
    let (more, less) = (
        crate::format::number(crate::state::summary::MORE, 0, lang),
        crate::format::number(crate::state::summary::LESS, 0, lang),
    );
    let n = ds.regions.len();
    let text = match lang {
        Lang::Fr => vec![
            "Pour chaque indicateur, la France métropolitaine vaut 100. Une région à 120 est 20 % plus fragile que la France sur cet indicateur ; à 80, elle est 20 % moins fragile. Toujours dans ce sens : quand c'est une valeur basse qui pose problème (taux d'emploi, revenu, accès aux médecins), le rapport est inversé pour que « au-dessus de 100 » signifie toujours « plus fragile ».".to_string(),
            format!("Pour un taux d'évolution, un rapport n'a pas de sens : l'indice vaut 100 + 10 × (écart à la France) / (écart-type des {n} régions)."),
            format!("L'indice d'un domaine (emploi, santé…) est la moyenne simple des indices de ses indicateurs, non arrondis. Le rang 1 sur {n} désigne la région la plus fragile. Un domaine sans aucune source ouverte est affiché « non mesuré » et n'entre dans aucune synthèse."),
            format!("La France métropolitaine est calculée à partir des effectifs (somme des numérateurs / somme des dénominateurs) quand les sources les donnent, sinon en moyenne pondérée par la population ; la méthode de chaque indicateur le précise. Les années diffèrent d'un indicateur à l'autre ({first} à {last}), jamais au sein d'un indicateur."),
            format!("Les phrases de synthèse sont produites par des règles, jamais écrites à la main : un domaine est « plus fragile » à partir de l'indice {more}, « moins fragile » jusqu'à {less} ; on compare le nombre de domaines de chaque sorte et on cite les trois plus marqués."),
        ],
        Lang::En => vec![
            "For every indicator, metropolitan France is worth 100. A region at 120 is 20% more fragile than France on that indicator; at 80, 20% less fragile. Always in that direction: when a low value is the problem (employment rate, income, access to doctors), the ratio is turned round so that above 100 always means more fragile.".to_string(),
            format!("For a rate of change a ratio means nothing: the index is 100 + 10 × (gap to France) / (standard deviation of the {n} regions)."),
            format!("A domain's index (employment, health…) is the plain mean of its indicators' unrounded indices. Rank 1 of {n} is the most fragile region. A domain with no open source at all reads 'not measured' and enters no summary."),
            format!("Metropolitan France is computed from counts (sum of numerators / sum of denominators) where the sources give them, else as a population-weighted mean; each indicator's method says which. Years differ between indicators ({first} to {last}), never within one."),
            format!("The summary sentences come from rules, never written by hand: a domain is 'more fragile' from index {more}, 'less fragile' up to {less}; the counts of each are compared and the three most marked are named."),
        ],
    };
    let decks = ds
        .acteurs
        .sentence
        .iter()
        .filter_map(|x| {
            let k = crate::state::region_pos(&ds, &x.area)?;
            let reading = crate::state::deck_reading::deck_reading(&ds, k, lang)?;
            Some(view! {
                <li>
                    <strong>{ds.regions[k].name.clone()}</strong>" : "<q lang="fr">{x.text.clone()}</q>
                    <p>{reading.explanation}</p>
                </li>
            })
        })
        .collect::<Vec<_>>();
    let domain_count = ds.domains.len();
    view! {
        <section class="view method-view" aria-labelledby="view-title">
            <h2 id="view-title" class="view-title">{lang.t("Méthode : comment lire l'indice", "Method: how to read the index")}</h2>
            <div class="prose">{text.into_iter().map(|p| view! { <p>{p}</p> }).collect::<Vec<_>>()}</div>
            <h3 id="download">{lang.t("Télécharger les données", "Download the data")}</h3>
            <p>{lang.t(
                "Tout le jeu de données en un fichier : chaque indicateur et chaque domaine, pour chaque région, chaque année que les sources contiennent (valeur, France métropolitaine, indice, rang, unité, source), et ses métadonnées (définition, producteur, licence, méthode, mises en garde). CSV français (point-virgule, virgule décimale).",
                "The whole dataset in one file: every indicator and every domain, for every region, every year the sources hold (value, metropolitan France, index, rank, unit, source), and its metadata (definition, producer, licence, method, caveats). French CSV (semicolon, decimal comma).")}</p>
            <super::export::DatasetDownloads />
            <h3 id="decks">{lang.t("Les phrases des decks et les données ouvertes", "The decks' sentences and the open data")}</h3>
            <div class="prose">
                <p>{lang.t(
                    "Les decks de l'Observatoire des partenariats résument chaque région d'après les indices de l'étude PHARE, qui ne sont pas publiés. Le tableau de bord recalcule les domaines avec des indicateurs ouverts, d'autres années et parfois d'autres définitions : la mobilité des decks porte sur l'accès aux transports en zone rurale, pour lequel aucune série régionale ouverte n'existe ; elle est approchée ici par les longs trajets domicile-travail et l'éloignement des villes.",
                    "The Observatoire des partenariats' decks summarise each region from the PHARE study's indices, which are not published. The dashboard recomputes the domains from open indicators, other years and sometimes other definitions: the decks' mobility is about access to transport in rural areas, for which no open regional series exists; it is approached here through long commutes and distance from towns.",
                )}</p>
                <ul>{decks}</ul>
            </div>
            <h3>{match lang { Lang::Fr => format!("Les {domain_count} domaines et leurs sources"), Lang::En => format!("The {domain_count} domains and their sources") }}</h3>
            <ul class="method-domains">{domains}</ul>
        </section>
    }
}
